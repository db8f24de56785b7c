/*
 * Hardware interrupts: acknowledge, then hand to the timer or the serial
 * console; the local APICs' own (another CPU's tick, a kick) likewise.
 */
#include "arch/irq.h"
#include "arch/pic.h"
#include "arch/pit.h"
#include "arch/serial.h"
#include "timer.h"
#include "sched.h"
#include "arch/lapic.h"
#include "arch/interrupt.h"

void irq_init(void)
{
	pic_init();
	pit_start(TIMER_HZ);
	pic_unmask(PIT_IRQ);
	serial_enable_input();
	pic_unmask(SERIAL_IRQ);
}

void irq_dispatch(unsigned irq)
{
	if (pic_spurious(irq))
		return;
	pic_eoi(irq);
	if (irq == PIT_IRQ)
		timer_tick();
	else if (irq == SERIAL_IRQ)
		serial_receive();
}

void irq_dispatch_local(unsigned vector)
{
	lapic_eoi();
	if (vector == VEC_LAPIC_TIMER)
		sched_tick_cpu();
	/* VEC_KICK: the entry itself was the point (smp.c); what it asked
	 * for is in this CPU's struct cpu, read on the way out. */
}
