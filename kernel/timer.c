/*
 * Time: the periodic tick drives preemption and sleeping; the TSC,
 * calibrated at boot against the machine's reference timer, gives the
 * vDSO its clock.
 */
#include "timer.h"
#include "machine.h"
#include "sched.h"
#include "clock.h"

#define TICKS_AHEAD_MAX (1ull << 48)	/* keeps a wake tick from wrapping */

static volatile uint64_t ticks;
static uint64_t tsc_hz;

void timer_tick(void)
{
	ticks++;
	clock_tick(ticks);
	sched_tick();
}

uint64_t timer_ticks(void)
{
	return ticks;
}

uint64_t timer_tick_for(uint64_t deadline_ns)
{
	uint64_t now = clock_monotonic_ns(), left = deadline_ns > now ? deadline_ns - now : 0;
	uint64_t n = left / TIMER_TICK_NS + (left % TIMER_TICK_NS != 0) + 1;

	return ticks + (n < TICKS_AHEAD_MAX ? n : TICKS_AHEAD_MAX);
}

uint64_t timer_tsc_hz(void)
{
	return tsc_hz;
}

void timer_calibrate(unsigned n)
{
	uint64_t start_tick = ticks;

	while (ticks == start_tick)		/* align to a tick edge */
		machine_wait_for_interrupt();
	uint64_t first = ticks;
	while (ticks < first + n)
		machine_wait_for_interrupt();
	do	/* 0: every try spoilt by stalls (a host stopping QEMU again and again) */
		tsc_hz = machine_cycle_rate();
	while (!tsc_hz);
}

uint64_t timer_median_of_3(uint64_t (*measure)(void))
{
	uint64_t a = measure(), b = measure(), c = measure();
	uint64_t lo = a < b ? a : b, hi = a < b ? b : a;

	return c < lo ? lo : c > hi ? hi : c;
}
