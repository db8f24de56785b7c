#ifndef CLOCK_H
#define CLOCK_H

#include <stdint.h>

struct rb_vdso_data;

/* Start publishing time in the vDSO data page (TSC must be calibrated). */
void clock_init(struct rb_vdso_data *page);
/* Timer tick: publish the tick count. */
void clock_tick(uint64_t ticks);
/* CLOCK_MONOTONIC in ns, what the vDSO's rb_clock_monotonic_ns() reads (after clock_init). */
uint64_t clock_monotonic_ns(void);

#endif
