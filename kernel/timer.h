#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

#define TIMER_HZ 100

/* Called from the timer interrupt. */
void timer_tick(void);
uint64_t timer_ticks(void);
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
