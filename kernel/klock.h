/*
 * The big kernel lock: one CPU at a time runs kernel code (docs/kernel.md,
 * CPUs).  A ticket lock, so CPUs get it in the order they asked.
 */
#ifndef KLOCK_H
#define KLOCK_H

#include <stdbool.h>

/* Wait for the lock and take it; this CPU must not hold it already (checked). */
void klock_take(void);
/* Give it up; this CPU must hold it (checked). */
void klock_give(void);
/*
 * Whether this CPU holds it: entry points assert it (trap.c), which proves
 * no kernel path they reach runs on two CPUs at once.
 */
bool klock_mine(void);

#endif
