#ifndef FUTEX_H
#define FUTEX_H

#include <stdint.h>

struct thread;

/*
 * Wait queues keyed by (task, user address): the kernel half of
 * rb_futex_wait and rb_futex_wake (<rainbow/syscall.h>).  A waiter is its
 * thread's own futex_link on its task's list, so waiting holds no kernel
 * memory, and a task has at most as many waiters as threads: every call's
 * work is bounded by that (a walk that grows with them: docs/status.md).
 */

/*
 * Block current on addr of its task until futex_wake, or until the tick
 * deadline_tick (0: no deadline).  0 when woken, -ETIMEDOUT at the deadline.
 */
long futex_wait(uint64_t addr, uint64_t deadline_tick);
/* Wake up to count waiters of addr in current's task, oldest first; how many. */
long futex_wake(uint64_t addr, uint64_t count);
/* A thread that is not running leaves the queue it waits in (task end). */
void futex_thread_cancel(struct thread *t);

#endif
