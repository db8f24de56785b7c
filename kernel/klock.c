/*
 * The big kernel lock, a ticket lock: taking draws the next ticket, then
 * waits until it is served; giving serves the next one.  The owner is
 * kept for the checks, as a CPU index.
 */
#include "klock.h"
#include "percpu.h"
#include "panic.h"
#include "arch/atomic.h"

#define NO_OWNER (~0u)

static struct {
	volatile uint32_t next;		/* the ticket the next taker draws */
	volatile uint32_t serving;	/* the ticket that holds the lock */
	volatile uint32_t owner;	/* the holder's CPU index, NO_OWNER when free */
} klock = { .owner = NO_OWNER };

void klock_take(void)
{
	uint32_t me = cpu_this()->index;

	KASSERT(klock.owner != me);
	uint32_t ticket = atomic_fetch_inc(&klock.next);
	while (atomic_load_acquire(&klock.serving) != ticket)
		cpu_relax();
	klock.owner = me;
}

void klock_give(void)
{
	KASSERT(klock_mine());
	klock.owner = NO_OWNER;
	atomic_store_release(&klock.serving, klock.serving + 1);
}

bool klock_mine(void)
{
	return klock.owner == cpu_this()->index;
}
