/*
 * Time: the periodic tick drives preemption and sleeping; the TSC,
 * calibrated against the tick at boot, gives the vDSO its clock.
 */
#include "timer.h"
#include "machine.h"
#include "sched.h"
#include "clock.h"

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

uint64_t timer_tsc_hz(void)
{
	return tsc_hz;
}

void timer_calibrate(unsigned n)
{
	uint64_t start_tick = ticks;

	while (ticks == start_tick)		/* align to a tick edge */
		machine_wait_for_interrupt();
	uint64_t t0 = machine_cycles(), first = ticks;
	while (ticks < first + n)
		machine_wait_for_interrupt();
	tsc_hz = (machine_cycles() - t0) * TIMER_HZ / n;
}
