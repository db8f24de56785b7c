/* The 8254 timer, channel 0 as a periodic rate generator on IRQ 0. */
#include "arch/pit.h"
#include "arch/cpu.h"

#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIT_HZ    1193182
#define CMD_CH0_LOHI_RATE 0x34

void pit_start(unsigned hz)
{
	unsigned divisor = (PIT_HZ + hz / 2) / hz;

	outb(PIT_CMD, CMD_CH0_LOHI_RATE);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
}
