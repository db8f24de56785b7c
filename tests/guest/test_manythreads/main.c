/*
 * Many threads at once: 100 run, yield and are joined with the right
 * status each; then the task's thread limit, its memory limit (each
 * thread pays for its stack, control block and UTCB: about 850 threads
 * in 64 MiB), gives a clean EAGAIN, and the threads started up to it
 * still finish.  Prints TAP.
 */
#include <errno.h>
#include <stdint.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

#define MANY 100
#define LIMIT_PROBE 4096

static volatile int release;

static int triple(void *arg)
{
	rb_yield();
	return (int)(intptr_t)arg * 3;
}

static int wait_for_release(void *arg)
{
	(void)arg;
	while (!release)
		rb_yield();
	return 7;
}

static void hundred_threads_join_with_their_status(void)
{
	static struct rb_thread *t[MANY];
	int started = 0, right = 0;

	for (int i = 0; i < MANY; i++)
		started += (t[i] = rb_thread_start(triple, (void *)(intptr_t)i)) != NULL;
	check(started == MANY, "100 threads started");
	for (int i = 0; i < MANY; i++) {
		int status = -1;
		if (t[i] && rb_thread_wait(t[i], &status) == 0 && status == i * 3)
			right++;
	}
	check(right == MANY, "100 threads joined, each with its own status");
}

static void thread_limit_is_a_clean_error(void)
{
	static struct rb_thread *t[LIMIT_PROBE];
	int started = 0, joined = 0, error = 0;

	while (started < LIMIT_PROBE && (t[started] = rb_thread_start(wait_for_release, NULL)))
		started++;
	error = errno;
	check(started < LIMIT_PROBE && error == EAGAIN, "the thread limit gives EAGAIN");
	release = 1;
	for (int i = 0; i < started; i++) {
		int status;
		joined += rb_thread_wait(t[i], &status) == 0 && status == 7;
	}
	check(joined == started, "every thread started before the limit finishes");
	struct rb_thread *again = rb_thread_start(triple, (void *)2);
	int status = 0;
	check(again && rb_thread_wait(again, &status) == 0 && status == 6,
	      "threads can be started again after the limit");
}

static const struct tap_test tests[] = {
	{ hundred_threads_join_with_their_status, "100 threads" },
	{ thread_limit_is_a_clean_error, "the thread limit" },
};

int main(void)
{
	return TAP_RUN(tests);
}
