/*
 * The 8254 timer: channel 0 as a periodic rate generator on IRQ 0 (the
 * tick); channel 2, gated through port 0x61, as the TSC's reference.
 */
#include "arch/pit.h"
#include "arch/cpu.h"
#include "timer.h"
#include <stdint.h>

#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIT_HZ    1193182
#define PIT_CH2   0x42
#define CMD_CH0_LOHI_RATE 0x34
#define CMD_CH2_LOHI_ONESHOT 0xb0	/* channel 2, low then high byte, mode 0: out rises at the count's end */
#define CMD_CH2_LATCH 0x80		/* channel 2's count held for reading, low then high byte */
#define RATE_COUNTS (PIT_HZ / 500)	/* 2 ms */
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
 * Channel 2's count now, and the TSC read on both sides of the read: the
 * narrowest of four tries, so that a stall of the CPU is almost never
 * inside the pair (*tsc their midpoint).
 */
static uint16_t count_at(uint64_t *tsc)
{
	uint64_t best = UINT64_MAX;
	uint16_t count = 0;

	for (int i = 0; i < 4; i++) {
		uint64_t a = rdtsc();
		outb(PIT_CMD, CMD_CH2_LATCH);
		uint8_t lo = inb(PIT_CH2), hi = inb(PIT_CH2);
		uint64_t b = rdtsc();
		if (b - a < best) {
			best = b - a;
			count = (uint16_t)(lo | hi << 8);
			*tsc = a + (b - a) / 2;
		}
	}
	return count;
}

/*
 * One measurement of the TSC's rate in Hz: channel 2 counts down from
 * 65535 (55 ms), read at the start and once it has counted 2 ms, each read
 * paired with the TSC (count_at).  A stall between the two reads is
 * measured by both, so it does not matter; one long enough for the count
 * to end (its output rises) spoils the try, and another is made (at most
 * 8; then 0).  Between reads a short spin, so that under -icount (where
 * the PIT too counts instructions) the polling costs few port accesses.
 */
static uint64_t tsc_rate(void)
{
	uint8_t b = inb(PORT_B);
	uint64_t rate = 0;

	outb(PORT_B, (uint8_t)((b & ~PORT_B_SPEAKER) | PORT_B_GATE2));
	for (int try = 0; try < 8 && !rate; try++) {
		outb(PIT_CMD, CMD_CH2_LOHI_ONESHOT);
		outb(PIT_CH2, 0xff);
		outb(PIT_CH2, 0xff);	/* the count starts */
		uint64_t t0, t1;
		uint16_t c0 = count_at(&t0), c1;
		do {
			for (int i = 0; i < 64; i++)
				__asm__ volatile("");
			c1 = count_at(&t1);
		} while (c0 - c1 < RATE_COUNTS && !(inb(PORT_B) & PORT_B_OUT2));
		if (!(inb(PORT_B) & PORT_B_OUT2) && c1 < c0)
			rate = (t1 - t0) * PIT_HZ / (uint64_t)(c0 - c1);
	}
	outb(PORT_B, b);
	return rate;
}

uint64_t pit_tsc_hz(void)
{
	return timer_median_of_3(tsc_rate);
}
