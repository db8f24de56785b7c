#ifndef SLEEP_WHEEL_H
#define SLEEP_WHEEL_H

/*
 * The sleep wheel: threads sleeping until a timer tick (rb_sleep_ns, a
 * futex wait with a deadline), kept for the scheduler (sched.c) in a
 * hierarchical timer wheel so that no operation grows with the number of
 * sleepers.  Level L has SLEEP_WHEEL_SLOTS lists, each slot covering
 * SLEEP_WHEEL_SLOTS^L ticks; a thread goes to the level of the highest
 * group of bits in which its wake tick differs from the wheel's current
 * tick, in the slot those bits name.  Adding and removing a thread are
 * O(1); each tick looks at one slot of level 0, and on the tick a slot of
 * a higher level comes due its threads move down, so a thread moves at
 * most SLEEP_WHEEL_LEVELS - 1 times in its whole sleep: O(1) per sleeper,
 * amortized.  A sleeper is linked through its run_link; its wake_tick is
 * non-zero exactly while it is on the wheel.
 */
#include <stdbool.h>
#include <stdint.h>

struct thread;

#define SLEEP_WHEEL_BITS 6
#define SLEEP_WHEEL_SLOTS (1u << SLEEP_WHEEL_BITS)
#define SLEEP_WHEEL_LEVELS ((64 + SLEEP_WHEEL_BITS - 1) / SLEEP_WHEEL_BITS)

/* Empty lists, before the first sleeper. */
void sleep_wheel_init(void);
/*
 * t (not running on a list) sleeps until tick (> 0, in timer ticks); a
 * tick already passed wakes it at the next one.  O(1).
 */
void sleep_wheel_add(struct thread *t, uint64_t tick);
/* t, on the wheel, leaves it before its tick (woken otherwise, or cancelled).  O(1). */
void sleep_wheel_remove(struct thread *t);
/*
 * The wheel catches up with tick now (timer ticks; each tick once, in
 * order): the next thread whose tick has come, taken off the wheel, or
 * NULL when none is left.  O(1) amortized per sleeper and per tick.
 */
struct thread *sleep_wheel_take_due(uint64_t now);
/* No thread sleeps on the wheel. */
bool sleep_wheel_empty(void);

#endif
