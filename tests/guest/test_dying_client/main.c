/*
 * test_dying_client: a client of the echo server (apps/echo_example) that
 * dies with calls under way, and sends it handles it never asked for.  The
 * server must go on serving the next client (tests/guest/ipc_example.sh).
 */
#include <errno.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

static long echo;

/* Calls the server for ever; the task's end cuts it off mid-call. */
static int call_forever(void *arg)
{
	(void)arg;
	for (;;) {
		rb_utcb()->mr[0] = 0x6f6c6c6568;	/* "hello" */
		ipc_call(echo, RB_TAG(1, 1), 0);
	}
	return 0;
}

static void handles_the_server_did_not_ask_for(void)
{
	long refused = 0;

	for (int i = 0; i < 8; i++) {
		rb_utcb()->mr[0] = (uint64_t)echo;
		refused += ipc_call(echo, RB_TAG(1, 1) | RB_TAG_HANDLE, 0) == -EOPNOTSUPP;
	}
	check(refused == 8, "messages carrying a handle to a server that did not accept them are EOPNOTSUPP");
	rb_utcb()->mr[0] = 0x6f6c6c6568;
	check(ipc_call(echo, RB_TAG(1, 1), 0) >= 0, "and the server answers the next call");
}

static void die_with_calls_under_way(void)
{
	for (int i = 0; i < 4; i++)
		check(rb_thread_start(call_forever, NULL) != NULL, "a calling thread starts");
	rb_sleep_ns(100000000);
}

static const struct tap_test tests[] = {
	{ handles_the_server_did_not_ask_for, "handles in messages" },
	{ die_with_calls_under_way, "threads calling when the task ends" },
};

int main(void)
{
	while ((echo = rb_ns_lookup("echo")) == -ENOENT)
		rb_sleep_ns(1000000);
	int failed = TAP_RUN(tests);
	rb_exit(failed);		/* with the callers still calling */
}
