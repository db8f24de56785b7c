/*
 * ipc_call round trips to the echo server: in another task (found through
 * the name service) and in another thread of this task.  Each call carries
 * one message word, which comes back in the reply.
 */
#include <errno.h>
#include <stdint.h>

#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "bench.h"

#define PING_WORD    0x5241494e424f57ull	/* any value; the echo must keep it */
#define LOOKUP_TIMEOUT_NS RB_SECONDS(5)	/* while the server starts */

static long server_handle;

static long ping(void)
{
	return ipc_call(server_handle, RB_TAG(BENCH_LABEL_PING, 1), 0);
}

static void time_calls(const char *name, long handle)
{
	long error;

	server_handle = handle;
	rb_utcb()->mr[0] = PING_WORD;
	error = bench_time(ping);
	if (error)
		bench_fail(name, "ipc_call", error);
	else if (rb_utcb()->mr[0] != PING_WORD)
		bench_fail(name, "the reply", -EBADMSG);
	else
		bench_report(name, 1);
}

static void stop_server(const char *name, long handle)
{
	long tag = ipc_call(handle, RB_TAG(BENCH_LABEL_QUIT, 0), 0);

	if (tag < 0)
		bench_fail(name, "stopping the server", tag);
}

static int echo_thread(void *port)
{
	return bench_echo_serve((long)port) < 0;
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
	stop_server(name, handle);
	rb_handle_close(handle);
}
