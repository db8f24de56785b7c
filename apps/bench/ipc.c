/*
 * ipc_call round trips to the echo server: in another task (found through
 * the name service) and in another thread of this task.  A call carries
 * one message word (8 or 64 in the _8w and _64w rows), which come back in
 * the reply.  ipc_call_contended: 64 threads of this task call one echo
 * thread at once, each call queued behind the others.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "bench.h"

#define PING_WORD    0x5241494e424f57ull	/* any value; the echo must keep it */
#define LOOKUP_TIMEOUT_NS RB_SECONDS(5)	/* while the server starts */
#define CONTENDERS   64			/* ipc_call_contended's callers, the timed one included */

static long server_handle;
static uint64_t ping_tag;

static long ping(void)
{
	return ipc_call(server_handle, ping_tag, 0);
}

/* Times calls of words message words (word i holds PING_WORD + i) to handle. */
static void time_calls_of(const char *name, long handle, unsigned words)
{
	long error;

	server_handle = handle;
	ping_tag = RB_TAG(BENCH_LABEL_PING, words);
	for (unsigned i = 0; i < words; i++)
		rb_utcb()->mr[i] = PING_WORD + i;
	error = bench_time(ping);
	for (unsigned i = 0; i < words && !error; i++)
		if (rb_utcb()->mr[i] != PING_WORD + i)
			error = -EBADMSG;
	bench_finish(name, error == -EBADMSG ? "the reply" : "ipc_call", error, 1);
}

static void time_calls(const char *name, long handle)
{
	time_calls_of(name, handle, 1);
}

static void stop_server(const char *name, long handle)
{
	long tag = ipc_call(handle, RB_TAG(BENCH_LABEL_QUIT, 0), 0);

	if (tag < 0)
		bench_fail(name, "stopping the server", tag);
}

/*
 * The contended row's threads all run on CPU 0: on several CPUs, callers
 * elsewhere would call while the server works, not in turn.
 */
static long pin_to_cpu0(void)
{
	return rb_thread_set_affinity(0, 1);
}

static int echo_thread(void *port)
{
	return bench_echo_serve((long)port) < 0;
}

/*
 * The contended echo thread runs below its callers, so that every call
 * finds it busy and queues: a caller runs again as soon as it has its
 * reply, and calls again before the server's next wait.
 */
static int low_echo_thread(void *port)
{
	long error = rb_thread_set_priority(0, RB_PRIORITY_DEFAULT - 1);

	if (!error)
		error = pin_to_cpu0();
	return error ? 1 : echo_thread(port);
}

/* Times calls to an echo thread serving port, reached through handle. */
static void time_thread_calls(const char *name, long port, long handle)
{
	struct rb_thread *thread = rb_thread_start(echo_thread, (void *)port);
	int status;

	if (!thread) {
		bench_fail(name, "rb_thread_start", -errno);
		return;
	}
	time_calls(name, handle);
	stop_server(name, handle);
	if (rb_thread_wait(thread, &status) != 0 || status != 0)
		bench_fail(name, "the server thread", -EPIPE);
}

void bench_ipc_intra_as(void)
{
	const char *name = "ipc_call_intra_as";
	long port = rb_port_create(), handle;

	if (port < 0) {
		bench_fail(name, "rb_port_create", port);
		return;
	}
	handle = rb_port_mint(port, 0);
	if (handle < 0) {
		bench_fail(name, "rb_port_mint", handle);
	} else {
		time_thread_calls(name, port, handle);
		rb_handle_close(handle);
	}
	rb_port_destroy(port);
}

/* The server task publishes its port when it has started. */
static long find_server(void)
{
	return rb_ns_lookup_wait(BENCH_SERVICE, LOOKUP_TIMEOUT_NS);
}

void bench_ipc_inter_as(void)
{
	const char *name = "ipc_call_inter_as";
	long handle = find_server();

	if (handle < 0) {
		bench_fail(name, "rb_ns_lookup " BENCH_SERVICE, handle);
		return;
	}
	time_calls(name, handle);
	time_calls_of("ipc_call_inter_as_8w", handle, 8);
	time_calls_of("ipc_call_inter_as_64w", handle, RB_IPC_MRS);
	stop_server(name, handle);
	rb_handle_close(handle);
}

/* ipc_call_contended's other callers: call until told to stop, counting. */
static volatile bool contenders_stop;
static volatile unsigned long contender_calls;

static volatile unsigned contenders_pinned;

static int contender(void *handle)
{
	long error = pin_to_cpu0();

	__atomic_fetch_add(&contenders_pinned, 1, __ATOMIC_RELAXED);

	while (!contenders_stop && error >= 0) {
		error = ipc_call((long)handle, RB_TAG(BENCH_LABEL_PING, 1), 0);
		contender_calls++;
	}
	return error < 0;
}

/*
 * One sample is one call of this thread, which waits behind the call of
 * each other contender: CONTENDERS calls, if the server takes its queue
 * in order.  The other contenders' count checks that it did.
 */
static void time_contended(const char *name, long handle)
{
	struct rb_thread *threads[CONTENDERS - 1];
	unsigned started = 0, others;
	long error, all = rb_thread_get_affinity(0);

	contenders_stop = false;
	contenders_pinned = 0;
	error = pin_to_cpu0();
	while (!error && started < CONTENDERS - 1 &&
	       (threads[started] = rb_thread_start(contender, (void *)handle)))
		started++;
	if (error) {
		bench_fail(name, "rb_thread_set_affinity", error);
	} else if (started < CONTENDERS - 1) {
		bench_fail(name, "rb_thread_start", -errno);
		error = 0;
	} else {
		/* On several CPUs the contenders started elsewhere: all on CPU 0 first. */
		while (contenders_pinned < CONTENDERS - 1)
			rb_yield();
		server_handle = handle;
		ping_tag = RB_TAG(BENCH_LABEL_PING, 1);
		unsigned long before = contender_calls;
		error = bench_time(ping);
		others = (unsigned)(contender_calls - before);
		if (!error && (others + CONTENDERS < (CONTENDERS - 1) * (BENCH_WARMUP + BENCH_SAMPLES) ||
			       others > (CONTENDERS - 1) * (BENCH_WARMUP + BENCH_SAMPLES) + CONTENDERS))
			error = -EPROTO;	/* the calls were not served in turn */
		bench_finish(name, error == -EPROTO ? "calls served in turn" : "ipc_call", error,
			     CONTENDERS);
	}
	contenders_stop = true;
	rb_thread_set_affinity(0, (uint32_t)all);
	for (unsigned i = 0; i < started; i++) {
		int status;
		if (rb_thread_wait(threads[i], &status) != 0 || status != 0)
			bench_fail(name, "a contender", -EPIPE);
	}
}

void bench_ipc_contended(void)
{
	const char *name = "ipc_call_contended";
	long port = rb_port_create(), handle;
	struct rb_thread *thread;
	int status;

	if (port < 0) {
		bench_fail(name, "rb_port_create", port);
		return;
	}
	handle = rb_port_mint(port, 0);
	thread = handle < 0 ? NULL : rb_thread_start(low_echo_thread, (void *)port);
	if (handle < 0) {
		bench_fail(name, "rb_port_mint", handle);
	} else if (!thread) {
		bench_fail(name, "rb_thread_start", -errno);
	} else {
		time_contended(name, handle);
		stop_server(name, handle);
		if (rb_thread_wait(thread, &status) != 0 || status != 0)
			bench_fail(name, "the server thread", -EPIPE);
	}
	if (handle >= 0)
		rb_handle_close(handle);
	rb_port_destroy(port);
}
