/*
 * The echo server both IPC figures call: every message goes back as it
 * came, so the server adds nothing to a round trip but its own loop.
 */
#include <rainbow/ipc.h>

#include "bench.h"

long bench_echo_serve(long port)
{
	long tag = ipc_wait(port, 0);

	while (tag >= 0 && RB_TAG_LABEL(tag) != BENCH_LABEL_QUIT)
		tag = ipc_reply_and_wait(rb_utcb()->rcvid, (uint64_t)tag, port);
	if (tag < 0)
		return tag;
	return ipc_reply(rb_utcb()->rcvid, (uint64_t)tag);
}

/* The second task of the bundle; bench_ipc_inter_as() finds it by name. */
int bench_server_main(void)
{
	long port = rb_port_create();
	long handle, error;

	if (port < 0) {
		bench_fail("server", "rb_port_create", port);
		return 1;
	}
	handle = rb_port_mint(port, 0);
	if (handle < 0) {
		bench_fail("server", "rb_port_mint", handle);
		return 1;
	}
	error = rb_ns_register(BENCH_SERVICE, handle);
	if (error) {
		bench_fail("server", "rb_ns_register", error);
		return 1;
	}
	error = bench_echo_serve(port);
	if (error) {
		bench_fail("server", "serving", error);
		return 1;
	}
	return 0;
}
