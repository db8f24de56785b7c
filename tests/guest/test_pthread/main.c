/*
 * <pthread.h>, <threads.h> and the futex system calls under them (issue
 * 12, item 7).  Prints TAP.  "bystander" checks that another task's waits
 * and wakes on the same addresses never reach it; "orphans" ends with
 * threads still waiting, which the kernel must clean up.
 */
#include <string.h>

#include "pthread_test.h"
#include "tap.h"

static const struct tap_test tests[] = {
	{ futex_other_tasks_apart, "futex: tasks apart (first, while the bystander waits)" },
	{ futex_errors, "futex: errors" },
	{ futex_wait_and_wake, "futex: wait and wake" },
	{ futex_timeout_waits, "futex: timeouts" },
	{ create_join_self_equal, "create, join, self, equal" },
	{ attributes, "thread attributes" },
	{ detached_threads, "detached threads" },
	{ exit_and_keys, "pthread_exit and keys" },
	{ cleanup_handlers, "cleanup handlers" },
	{ once_with_racing_threads, "once" },
	{ mutex_kinds, "mutex kinds and errors" },
	{ mutex_contention, "mutex contention" },
	{ mutex_timedlock, "mutex timedlock" },
	{ rwlocks, "rwlocks" },
	{ cond_producer_consumer, "condvar producer/consumer" },
	{ cond_timed_waits, "condvar timed waits" },
	{ cond_broadcast_wakes_all, "condvar broadcast" },
	{ c11_threads, "C11 threads, tss, call_once" },
	{ c11_sync, "C11 mutexes and condition variables" },
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "bystander"))
		return bystander_main();
	if (argc > 1 && !strcmp(argv[1], "orphans"))
		return orphans_main();
	return TAP_RUN(tests);
}
