/*
 * The big kernel lock, a ticket lock: taking draws the next ticket, then
 * waits until it is served; giving serves the next one.  The owner is
 * kept for the checks, as a CPU index.
 */
#include "klock.h"
#include "percpu.h"
#include "panic.h"
#include "arch/atomic.h"
#include "smp.h"

struct klock klock = { .owner = KLOCK_NO_OWNER };

void klock_take(void)
{
	uint32_t me = cpu_this()->index;

	KASSERT(klock.owner != me);
	uint32_t ticket = atomic_fetch_inc(&klock.next);
	while (atomic_load_acquire(&klock.serving) != ticket) {
		smp_answer();	/* the holder may wait for this CPU's TLB flush */
		cpu_relax();
	}
	klock.owner = me;
	smp_lock_taken();
}

void klock_give(void)
{
	KASSERT(klock_mine());
	klock.owner = KLOCK_NO_OWNER;
	atomic_store_release(&klock.serving, klock.serving + 1);
	if (__builtin_expect(cpu_this()->pass_turn, 0)) {
		cpu_this()->pass_turn = false;
		cpu_relax();	/* smp_share_turns */
	}
}
