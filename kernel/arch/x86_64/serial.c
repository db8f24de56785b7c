/*
 * COM1, the kernel console.  Polled output: the kernel runs with interrupts
 * off, so a transmit interrupt would have nobody to serve it.
 */
#include "arch/serial.h"
#include "arch/cpu.h"

#define COM1 0x3f8
#define REG_DATA      0
#define REG_IER       1
#define REG_FCR       2
#define REG_LCR       3
#define REG_MCR       4
#define REG_LSR       5
#define LSR_RX_READY  0x01
#define LSR_TX_EMPTY  0x20

void serial_init(void)
{
	outb(COM1 + REG_IER, 0x00);
	outb(COM1 + REG_LCR, 0x80);	/* divisor latch: 115200 baud */
	outb(COM1 + REG_DATA, 0x01);
	outb(COM1 + REG_IER, 0x00);
	outb(COM1 + REG_LCR, 0x03);	/* 8 bits, no parity, one stop bit */
	outb(COM1 + REG_FCR, 0xc7);
	outb(COM1 + REG_MCR, 0x03);
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + REG_LSR) & LSR_TX_EMPTY))
		;
	outb(COM1 + REG_DATA, (uint8_t)c);
}

void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

int serial_getc_nonblock(void)
{
	if (!(inb(COM1 + REG_LSR) & LSR_RX_READY))
		return -1;
	return inb(COM1 + REG_DATA);
}
