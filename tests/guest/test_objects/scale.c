/*
 * Scale (tests/guest/scale.sh, at -m 1G): SCALE_THREADS threads alive at
 * once in this one task, then as many across the hogs, each of which holds
 * its threads while its call to this task's barrier blocks; the barrier
 * answers once the hogs' calls add up to SCALE_THREADS.  The bystander
 * works all along and must see no failure.
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/service.h>
#include <rainbow/syscall.h>

#include "objects.h"
#include "tap.h"

/* Callers held at the barrier, at most this many hogs. */
#define HOGS_MAX 64

static long bystander_call(void)
{
	long handle = rb_ns_lookup_wait(BYSTANDER_NAME, RB_SECONDS(30));
	long tag = handle > 0 ? ipc_call(handle, RB_TAG(BYSTANDER_ECHO, 0), 0) : handle;

	rb_handle_close(handle);
	return tag;
}

static void test_one_task(void)
{
	long error = threads_prepare(SCALE_THREADS);
	int started = error ? 0 : threads_start(&error);

	printf("# %d threads started, then %ld\n", started, error);
	check(started == SCALE_THREADS, "10,000 threads live at once in one task");
	check(bystander_call() == (long)RB_TAG(BYSTANDER_ECHO + 1, 0),
	      "meanwhile the bystander's server answers");
	check(threads_release() == started, "they all end and are joined");
}

static void test_across_tasks(void)
{
	long port = rb_port_create();
	long send = port > 0 ? rb_port_mint(port, 0) : port;
	long rcvid[HOGS_MAX];
	int hogs = 0, held = 0;

	check(send > 0 && rb_ns_register(SCALE_BARRIER, send) == 0, "the barrier is registered");
	while (held < SCALE_THREADS && hogs < HOGS_MAX) {
		long tag = ipc_wait(port, 0);
		if (tag < 0)
			break;
		rcvid[hogs++] = rb_utcb()->rcvid;
		held += (int)RB_TAG_LABEL(tag);
	}
	printf("# %d hogs hold %d threads\n", hogs, held);
	check(held == SCALE_THREADS, "10,000 threads live at once across the hogs");
	check(bystander_call() == (long)RB_TAG(BYSTANDER_ECHO + 1, 0),
	      "meanwhile the bystander's server answers");
	int released = 0;
	for (int i = 0; i < hogs; i++)
		released += ipc_reply(rcvid[i], RB_TAG(0, 0)) == 0;
	check(released == hogs, "the hogs are let go");
	rb_handle_close(send);
	rb_handle_close(port);
}

static void test_bystander_done(void)
{
	long handle = rb_ns_lookup_wait(BYSTANDER_NAME, RB_SECONDS(30));

	check(ipc_call(handle, RB_TAG(BYSTANDER_DONE, 0), 0) == (long)RB_TAG(BYSTANDER_DONE + 1, 0),
	      "the bystander hears that the test is done");
	rb_handle_close(handle);
}

int scale_main(void)
{
	static const struct tap_test tests[] = {
		{ test_one_task, "10,000 threads in one task" },
		{ test_across_tasks, "10,000 threads across tasks" },
		{ test_bystander_done, "the bystander" },
	};

	return TAP_RUN(tests);
}
