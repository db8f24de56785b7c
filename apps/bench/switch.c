/*
 * thread_switch: two threads of one task hand the CPU to each other with
 * rb_yield.  One sample is a round (here to the partner and back), two
 * switches; nothing else is ready meanwhile, so each yield goes to the other.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "bench.h"

/* volatile: the partner rereads it after every yield. */
static volatile bool partner_stop;

static int partner(void *unused)
{
	(void)unused;
	while (!partner_stop)
		rb_yield();
	return 0;
}

static long yield(void)
{
	return rb_yield();
}

void bench_thread_switch(void)
{
	struct rb_thread *thread;
	long error;

	partner_stop = false;
	thread = rb_thread_start(partner, NULL);
	if (!thread) {
		bench_fail("thread_switch", "rb_thread_start", -errno);
		return;
	}
	error = bench_time(yield);
	partner_stop = true;
	if (rb_thread_wait(thread, NULL) != 0)
		bench_fail("thread_switch", "rb_thread_wait", -errno);
	if (error)
		bench_fail("thread_switch", "rb_yield", error);
	else
		bench_report("thread_switch", 2);
}
