/*
 * The legacy 8259 interrupt controllers, remapped above the CPU exceptions.
 * Only the timer and COM1 are unmasked (irq.c).
 */
#include "arch/pic.h"
#include "arch/cpu.h"
#include "arch/interrupt.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1
#define ICW1_INIT_ICW4 0x11
#define ICW4_8086 0x01
#define OCW2_EOI  0x20
#define OCW3_READ_ISR 0x0b

void pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, VEC_IRQ_BASE);
	outb(PIC2_DATA, VEC_IRQ_BASE + 8);
	outb(PIC1_DATA, 1 << 2);	/* slave on IRQ2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
}

void pic_unmask(unsigned irq)
{
	uint16_t port = irq < 8 ? PIC1_DATA : PIC2_DATA;
	outb(port, inb(port) & ~(1u << (irq & 7)));
	if (irq >= 8)
		pic_unmask(2);
}

/* IRQ 7 and 15 fire spuriously when a request vanishes; the ISR says so. */
bool pic_spurious(unsigned irq)
{
	if (irq != 7 && irq != 15)
		return false;
	uint16_t cmd = irq == 7 ? PIC1_CMD : PIC2_CMD;
	outb(cmd, OCW3_READ_ISR);
	if (inb(cmd) & 0x80)
		return false;
	if (irq == 15)
		outb(PIC1_CMD, OCW2_EOI);	/* the master did see a request */
	return true;
}

void pic_eoi(unsigned irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}
