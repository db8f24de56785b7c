/*
 * Futex wait queues: the threads blocked in rb_futex_wait, each with the
 * address it waits on (tcb.h), in one hash table keyed by (task,
 * address) and grown by linear hashing (lhash.h).  A bucket keeps its
 * waiters in the order they came, so a wake finds its address's waiters
 * oldest first, passing over only the few others that share the bucket.
 * A waiter with a deadline is also on the scheduler's sleep wheel;
 * whichever comes first, a wake or the deadline, takes it off both.
 */
#include "futex.h"
#include "tcb.h"
#include "task.h"
#include "sched.h"
#include "timer.h"
#include "clock.h"
#include "lhash.h"
#include <errno.h>

static struct lhash waiters = LHASH_INIT;

/*
 * The key's hash: one multiplication by a 64-bit odd constant (2^64 / the
 * golden ratio) mixes task and address into the high half, which is folded
 * into the low bits that pick the bucket.
 */
static uint64_t key_hash(const struct task *t, uint64_t addr)
{
	uint64_t x = (addr ^ (uint64_t)t->id << 48) * 0x9e3779b97f4a7c15ull;

	return x ^ x >> 32;
}

long futex_wait(uint64_t addr, uint64_t deadline_ns)
{
	current->futex_addr = addr;
	if (!lhash_add(&waiters, &current->futex_node, key_hash(current->task, addr)))
		return -ENOMEM;
	if (deadline_ns)
		do	/* again while a late tick woke it before the deadline */
			sched_sleep_until(timer_tick_for(deadline_ns), THREAD_FUTEX);
		while (list_linked(&current->futex_node.link) && clock_monotonic_ns() < deadline_ns);
	else
		sched_block(THREAD_FUTEX);
	/* A wake unlinks the waiter; still linked, the deadline woke it. */
	if (!list_linked(&current->futex_node.link))
		return 0;
	lhash_remove(&waiters, &current->futex_node);
	return -ETIMEDOUT;
}

long futex_wake(uint64_t addr, uint64_t count)
{
	uint64_t hash = key_hash(current->task, addr);
	struct list *head = lhash_bucket(&waiters, hash);
	long woken = 0;

	for (struct list *l = head ? head->next : NULL; l != head && (uint64_t)woken < count;) {
		struct thread *th = list_entry(l, struct thread, futex_node.link);
		l = l->next;
		if (th->futex_node.hash != hash || th->task != current->task || th->futex_addr != addr)
			continue;
		lhash_remove(&waiters, &th->futex_node);
		sched_unlink(th);	/* off the sleep wheel if it had a deadline */
		sched_make_ready(th);
		woken++;
	}
	return woken;
}

void futex_thread_cancel(struct thread *t)
{
	if (list_linked(&t->futex_node.link))
		lhash_remove(&waiters, &t->futex_node);
}
