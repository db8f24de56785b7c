/*
 * A storm of cheap system calls on every CPU does not starve a bystander
 * (outside finding, on four CPUs: a bystander's largest gap between two
 * clock readings reached 4 s while eight threads made failing IPC calls;
 * the kernel lock's waiters then starved its holder's host thread).
 *   syscall_storm storm S    8 threads: ipc_call on a bad handle and
 *                            rb_task_id in a loop for S seconds; each
 *                            must have made calls
 *   syscall_storm bystander S   S seconds of clock readings and yields:
 *                            no gap of 500 ms or more
 * tests/guest/syscall_storm.sh runs both on four CPUs and on one.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define THREADS 8
#define GAP_NS  500000000ull

static uint64_t seconds;

static void *storm(void *arg)
{
	uint64_t end = rb_clock_monotonic_ns() + seconds * 1000000000ull;
	unsigned long calls = 0;

	while (rb_clock_monotonic_ns() < end) {
		ipc_call(9999, RB_TAG(1, 0), 0);	/* -EBADF */
		rb_task_id();
		calls += 2;
	}
	*(unsigned long *)arg = calls;
	return NULL;
}

static int run_storm(void)
{
	pthread_t t[THREADS];
	unsigned long calls[THREADS];
	unsigned busy = 0;

	for (unsigned i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, storm, &calls[i]);
	for (unsigned i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		busy += calls[i] > 1000;
	}
	check(busy == THREADS, "every storming thread made calls");
	return tap_done();
}

static int run_bystander(void)
{
	uint64_t start = rb_clock_monotonic_ns(), last = start, now, longest = 0;

	while ((now = rb_clock_monotonic_ns()) - start < seconds * 1000000000ull) {
		if (now - last > longest)
			longest = now - last;
		last = now;
		rb_yield();
	}
	printf("# bystander: largest gap %lu us\n", (unsigned long)(longest / 1000));
	check(longest < GAP_NS, "the bystander never waited 500 ms for the CPU");
	return tap_done();
}

int main(int argc, char **argv)
{
	seconds = argc > 2 ? strtoull(argv[2], NULL, 10) : 3;
	if (argc > 1 && !strcmp(argv[1], "storm"))
		return run_storm();
	if (argc > 1 && !strcmp(argv[1], "bystander"))
		return run_bystander();
	fprintf(stderr, "usage: syscall_storm storm|bystander [SECONDS]\n");
	return 2;
}
