/*
 * The big kernel lock: one CPU at a time runs kernel code (docs/kernel.md,
 * CPUs).  A ticket lock, so CPUs get it in the order they asked.
 */
#ifndef KLOCK_H
#define KLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include "percpu.h"

#define KLOCK_NO_OWNER (~0u)

struct klock {
	volatile uint32_t next;		/* the ticket the next taker draws */
	volatile uint32_t serving;	/* the ticket that holds the lock */
	volatile uint32_t owner;	/* the holder's CPU index, KLOCK_NO_OWNER when free */
};
extern struct klock klock;

/* Wait for the lock and take it; this CPU must not hold it already (checked). */
void klock_take(void);
/* Give it up; this CPU must hold it (checked). */
void klock_give(void);
/*
 * Whether this CPU holds it: entry points assert it (trap.c), which proves
 * no kernel path they reach runs on two CPUs at once.  Inline: a few
 * instructions on every interrupt and exception.
 */
static inline bool klock_mine(void)
{
	return klock.owner == cpu_this()->index;
}

/*
 * Whether the lock is taken at each entry and given back at each return
 * and around the idle halt: with more than one CPU.  With one, the boot
 * CPU holds it for good from kmain on, and entries skip it (the entry
 * code's test is arch/klock_asm.h's).
 */
static inline bool klock_shared(void)
{
	return cpu_count > 1;
}


#endif
