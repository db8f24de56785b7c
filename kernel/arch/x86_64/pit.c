/*
 * The 8254 timer: channel 0 as a periodic rate generator on IRQ 0 (the
 * tick); channel 2, gated through port 0x61, as the TSC's reference.
 */
#include "arch/pit.h"
#include "arch/cpu.h"
#include "timer.h"

#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIT_HZ    1193182
#define PIT_CH2   0x42
#define CMD_CH0_LOHI_RATE 0x34
#define CMD_CH2_LOHI_ONESHOT 0xb0	/* channel 2, low then high byte, mode 0: out rises at the count's end */
#define PORT_B         0x61		/* the system control port */
#define PORT_B_GATE2   0x01		/* channel 2 counts */
#define PORT_B_SPEAKER 0x02		/* channel 2 drives the speaker */
#define PORT_B_OUT2    0x20		/* channel 2's output */

void pit_start(unsigned hz)
{
	unsigned divisor = (PIT_HZ + hz / 2) / hz;

	outb(PIT_CMD, CMD_CH0_LOHI_RATE);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
}

/*
 * TSC cycles while channel 2 counts `counts` down, its output polled.
 * The TSC is read right after the count starts and right after its end
 * is seen; between polls a short spin, so that under -icount (where the
 * PIT too counts instructions) the polling costs few port accesses.
 */
static uint64_t cycles_over(unsigned counts)
{
	uint8_t b = inb(PORT_B);

	outb(PORT_B, (uint8_t)((b & ~PORT_B_SPEAKER) | PORT_B_GATE2));
	outb(PIT_CMD, CMD_CH2_LOHI_ONESHOT);
	outb(PIT_CH2, counts & 0xff);
	outb(PIT_CH2, (uint8_t)(counts >> 8));	/* the count starts */
	uint64_t t0 = rdtsc();
	while (!(inb(PORT_B) & PORT_B_OUT2))
		for (int i = 0; i < 64; i++)
			__asm__ volatile("");
	uint64_t t1 = rdtsc();
	outb(PORT_B, b);
	return t1 - t0;
}

#define RATE_COUNTS (PIT_HZ / 500)	/* 2 ms */

/* One measurement of the TSC's rate in Hz. */
static uint64_t tsc_rate(void)
{
	return cycles_over(RATE_COUNTS) * PIT_HZ / RATE_COUNTS;
}

uint64_t pit_tsc_hz(void)
{
	return timer_median_of_3(tsc_rate);
}
