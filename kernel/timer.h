#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

#define TIMER_HZ 100
#define TIMER_TICK_NS (1000000000ull / TIMER_HZ)	/* a tick's period */

/* Called from the timer interrupt. */
void timer_tick(void);
uint64_t timer_ticks(void);
/*
 * The tick at whose count clock_monotonic_ns() has passed deadline_ns, if
 * ticks are counted on time: the ticks of the time left rounded up, and
 * one more, the current one being partly over; at most 2^48 ticks ahead
 * (centuries).  A tick counted late (the boot CPU waited for the kernel
 * lock, or its vCPU for its turn) makes that tick come early, so a caller
 * that must not wake early checks the clock again (sched_sleep_ns).
 */
uint64_t timer_tick_for(uint64_t deadline_ns);
/* TSC frequency in Hz, measured at boot (0 until known). */
uint64_t timer_tsc_hz(void);
/*
 * Wait (interrupts on, halted) for n ticks, proof that the tick runs, then
 * measure the TSC's rate against the machine's reference timer
 * (machine_cycle_rate).
 */
void timer_calibrate(unsigned n);
/*
 * The median of three results of measure (a rate, in its unit): one
 * measurement a stall disturbed at its edge does not decide.
 */
uint64_t timer_median_of_3(uint64_t (*measure)(void));

#endif
