#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

#define TIMER_HZ 100

/* Called from the timer interrupt. */
void timer_tick(void);
uint64_t timer_ticks(void);
/* TSC frequency measured against the timer at boot (0 until known). */
uint64_t timer_tsc_hz(void);
/* Wait (interrupts on, halted) for n ticks and measure the TSC meanwhile. */
void timer_calibrate(unsigned n);

#endif
