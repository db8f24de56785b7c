/* Hardware interrupts: acknowledge, then hand to the one device we use. */
#include "arch/irq.h"
#include "arch/pic.h"
#include "arch/pit.h"
#include "timer.h"

void irq_init(void)
{
	pic_init();
	pit_start(TIMER_HZ);
	pic_unmask(PIT_IRQ);
}

void irq_dispatch(unsigned irq)
{
	if (pic_spurious(irq))
		return;
	pic_eoi(irq);
	if (irq == PIT_IRQ)
		timer_tick();
}
