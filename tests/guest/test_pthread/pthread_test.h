/*
 * What the files of test_pthread share: each file's tests, for main.c's
 * table, and a clock for timing checks.
 */
#ifndef PTHREAD_TEST_H
#define PTHREAD_TEST_H

#include <stdint.h>

#include <rainbow/syscall.h>

#define MS 1000000ull

static inline uint64_t now_ns(void)
{
	return rb_clock_monotonic_ns();
}

/* futex.c */
void futex_other_tasks_apart(void);
void futex_errors(void);
void futex_wait_and_wake(void);
void futex_timeout_waits(void);
int bystander_main(void);
int orphans_main(void);
/* threads.c */
void create_join_self_equal(void);
void attributes(void);
void detached_threads(void);
void exit_and_keys(void);
void once_with_racing_threads(void);
/* cleanup.c */
void cleanup_handlers(void);
/* mutex.c */
void mutex_kinds(void);
void mutex_contention(void);
void mutex_timedlock(void);
void rwlocks(void);
/* cond.c */
void cond_producer_consumer(void);
void cond_timed_waits(void);
void cond_broadcast_wakes_all(void);
/* c11.c */
void c11_threads(void);
void c11_sync(void);

#endif
