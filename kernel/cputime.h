/*
 * CPU time per thread and per task, in nanoseconds, sampled by the timer:
 * each tick charges its whole period (1 s / TIMER_HZ: 10 ms, the
 * resolution) to the thread it interrupted and to that thread's task.
 * Ticks that find the idle thread are nobody's.  A thread that blocks or
 * sleeps is not running when the tick comes, so it is not charged.
 * Sampling costs nothing on the switch and IPC paths; a TSC reading at
 * every switch would add to each of them (docs/bench.md).
 */
#ifndef CPUTIME_H
#define CPUTIME_H

#include "task.h"
#include "tcb.h"
#include "timer.h"
#include <rainbow/types.h>

_Static_assert(TIMER_TICK_NS == RB_CPU_TIME_RESOLUTION_NS,
	       "the public resolution is one timer tick");

/* From the timer tick (sched_tick): t was running when it came. */
static inline void cputime_charge_tick(struct thread *t)
{
	t->cpu_ns += TIMER_TICK_NS;
	t->task->cpu_ns += TIMER_TICK_NS;
}

#endif
