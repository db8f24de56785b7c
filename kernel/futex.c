/*
 * Futex wait queues: one FIFO list per task of the threads blocked in
 * rb_futex_wait, each with the address it waits on (tcb.h).  A waiter
 * with a deadline is also on the scheduler's sleep list; whichever comes
 * first, a wake or the deadline, takes it off both.
 */
#include "futex.h"
#include "tcb.h"
#include "task.h"
#include "sched.h"
#include <errno.h>

long futex_wait(uint64_t addr, uint64_t deadline_tick)
{
	struct task *t = current->task;

	current->futex_addr = addr;
	list_push_back(&t->futex_waiters, &current->futex_link);
	if (deadline_tick)
		sched_sleep_until(deadline_tick, THREAD_FUTEX);
	else
		sched_block(THREAD_FUTEX);
	/* A wake unlinks the waiter; still linked, the deadline woke it. */
	if (!list_linked(&current->futex_link))
		return 0;
	list_remove(&current->futex_link);
	return -ETIMEDOUT;
}

long futex_wake(uint64_t addr, uint64_t count)
{
	struct list *head = &current->task->futex_waiters;
	long woken = 0;

	for (struct list *l = head->next; l != head && (uint64_t)woken < count;) {
		struct thread *th = list_entry(l, struct thread, futex_link);
		l = l->next;
		if (th->futex_addr != addr)
			continue;
		list_remove(&th->futex_link);
		sched_unlink(th);	/* off the sleep list if it had a deadline */
		sched_make_ready(th);
		woken++;
	}
	return woken;
}

void futex_thread_cancel(struct thread *t)
{
	if (list_linked(&t->futex_link))
		list_remove(&t->futex_link);
}
