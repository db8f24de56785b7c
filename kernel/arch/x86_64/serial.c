/*
 * COM1, the kernel console.  Polled output: the kernel runs with interrupts
 * off, so a transmit interrupt would have nobody to serve it.  Input comes
 * by the receive interrupt (IRQ 4), once serial_enable_input has run.
 */
#include "arch/serial.h"
#include "arch/cpu.h"
#include "console_input.h"

#define COM1 0x3f8
#define REG_DATA      0
#define REG_IER       1
#define REG_FCR       2
#define REG_LCR       3
#define REG_MCR       4
#define REG_LSR       5
#define IER_RX_DATA   0x01	/* interrupt when a byte was received */
#define MCR_DTR_RTS   0x03
#define MCR_OUT2      0x08	/* gates the port's interrupt line on a PC */
#define FCR_ENABLE    0x01
#define FCR_CLEAR_TX  0x04
#define LSR_RX_READY  0x01
#define LSR_TX_EMPTY  0x20

void serial_init(void)
{
	outb(COM1 + REG_IER, 0x00);
	outb(COM1 + REG_LCR, 0x80);	/* divisor latch: 115200 baud */
	outb(COM1 + REG_DATA, 0x01);
	outb(COM1 + REG_IER, 0x00);
	outb(COM1 + REG_LCR, 0x03);	/* 8 bits, no parity, one stop bit */
	/* Input may have come before the kernel: turning the FIFOs on empties
	 * them, so take it first.  Then an interrupt per received byte. */
	serial_receive();
	outb(COM1 + REG_FCR, FCR_ENABLE | FCR_CLEAR_TX);
	outb(COM1 + REG_MCR, MCR_DTR_RTS);
}

void serial_enable_input(void)
{
	outb(COM1 + REG_MCR, MCR_DTR_RTS | MCR_OUT2);
	outb(COM1 + REG_IER, IER_RX_DATA);
	serial_receive();	/* what came before the interrupt was on */
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

void serial_receive(void)
{
	while (inb(COM1 + REG_LSR) & LSR_RX_READY)
		console_input_byte(inb(COM1 + REG_DATA));
}
