/* Hardware interrupts: acknowledge, then hand to the timer or the serial console. */
#include "arch/irq.h"
#include "arch/pic.h"
#include "arch/pit.h"
#include "arch/serial.h"
#include "timer.h"

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
