#ifndef FUTEX_H
#define FUTEX_H

#include <stdint.h>

struct thread;

/*
 * Wait queues keyed by (task, user address): the kernel half of
 * rb_futex_wait and rb_futex_wake (<rainbow/syscall.h>).  A waiter is its
 * thread's own futex_node in a hash table of the kernel's (futex.c), so
 * waiting holds no memory of its own (the table's buckets, 16 bytes each,
 * keep the size of the most waiters ever), and a wake costs the waiters it
 * wakes plus the few that share their bucket, however many wait.
 */

/*
 * Block current on addr of its task until futex_wake, or until
 * clock_monotonic_ns() has passed deadline_ns (0: no deadline; never
 * earlier, however late the ticks).  0 when woken, -ETIMEDOUT at the
 * deadline, -ENOMEM (without waiting) only if the table's first bucket
 * found no page.
 */
long futex_wait(uint64_t addr, uint64_t deadline_ns);
/* Wake up to count waiters of addr in current's task, oldest first; how many. */
long futex_wake(uint64_t addr, uint64_t count);
/* A thread that is not running leaves the queue it waits in (task end). */
void futex_thread_cancel(struct thread *t);

#endif
