/*
 * test_ipc_peer: the second task of test_ipc's inter-task cases (the roles
 * are described in tests/guest/test_ipc/peer.h).  Exits 0 when it played its part.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "../test_ipc/peer.h"

/* A port under name, through a send handle; the owner handle or -errno. */
static long publish(const char *name)
{
	long port = rb_port_create();
	long send = port < 0 ? port : rb_port_mint(port, 0);
	long error = send < 0 ? send : rb_ns_register(name, send);

	return error < 0 ? error : port;
}

/* Ends the task while holding the call: the caller must get EPIPE. */
static int serve_one_call_and_vanish(void)
{
	long port = publish(PEER_SERVER_NAME);

	return port < 0 || ipc_wait(port, 0) < 0;
}

static int hold(void *arg)
{
	ipc_call(*(long *)arg, RB_TAG(PEER_HOLD, 0), 0);
	return 1;	/* the task ends before test_ipc answers */
}

/* Ends the task while one of its threads still waits for a reply. */
static int call_and_vanish(void)
{
	static long test_ipc;

	if (publish(PEER_CLIENT_NAME) < 0 || (test_ipc = rb_ns_lookup_wait(TEST_IPC_NAME, RB_SECONDS(10))) < 0)
		return 1;
	if (!rb_thread_start(hold, &test_ipc))
		return 1;
	return ipc_call(test_ipc, RB_TAG(PEER_EXITING, 0), 0) != 0;
}

int main(int argc, char **argv)
{
	const char *role = argc > 1 ? argv[1] : "";
	int status = 2;

	if (!strcmp(role, "server"))
		status = serve_one_call_and_vanish();
	else if (!strcmp(role, "client"))
		status = call_and_vanish();
	else
		fprintf(stderr, "usage: test_ipc_peer server|client\n");
	if (status)
		fprintf(stderr, "test_ipc_peer %s: failed\n", role);
	return status;
}
