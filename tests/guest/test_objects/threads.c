/*
 * Threads that do nothing but wait, as many as the kernel gives: raw
 * rb_thread_create on slices of one static array, so filling the limit
 * needs no memory beyond the kernel's own.
 */
#include <rainbow/syscall.h>

#include "objects.h"

#define STACK_WORDS 64

static uint64_t stacks[LIMIT_THREADS][STACK_WORDS] __attribute__((aligned(16)));
static long tids[LIMIT_THREADS];
static int started;
static volatile int release;

static void sleeper(void *arg)
{
	(void)arg;
	while (!release)
		rb_sleep_ns(5 * 1000000ull);
	rb_thread_exit(0);
}

int threads_fill(long *error)
{
	release = 0;
	started = 0;
	*error = 0;
	while (started < LIMIT_THREADS) {
		/* stack_top + 8 a multiple of 16, as at a function's entry */
		void *top = &stacks[started][STACK_WORDS - 1];
		long tid = rb_thread_create(sleeper, 0, top, 0);
		if (tid < 0) {
			*error = tid;
			break;
		}
		tids[started++] = tid;
	}
	return started;
}

int threads_release(void)
{
	int joined = 0;

	release = 1;
	for (int i = 0; i < started; i++) {
		int status = -1;
		joined += rb_thread_join(tids[i], &status) == 0 && status == 0;
	}
	return joined;
}
