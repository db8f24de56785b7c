/*
 * Cases with a second task (test_ipc_peer, see peer.h): a server task
 * that ends in the middle of a call, and a client task that ends before
 * its reply.
 */
#include <rainbow/service.h>
#include <rainbow/syscall.h>

#include "peer.h"
#include "test_ipc.h"

void test_server_task_exits(void)
{
	long peer = rb_ns_lookup_wait(PEER_SERVER_NAME, RB_SECONDS(10));

	check(peer > 0, "test_ipc_peer server registered " PEER_SERVER_NAME);
	check(ipc_call(peer, RB_TAG(1, 0), 0) == -EPIPE,
	      "a caller whose server task ends before replying gets EPIPE");
	check(ipc_call(peer, RB_TAG(1, 0), 0) == -EPIPE,
	      "later calls to the ended task's port are EPIPE");
	check(rb_ns_lookup(PEER_SERVER_NAME) == -ENOENT, "its name went away with it");
	rb_handle_close(peer);
}

/* Until peer's task has ended (up to 10 s); 1 if it has. */
static int wait_until_gone(long peer)
{
	long result = -EAGAIN;

	for (int tries = 0; tries < 10000 && result == -EAGAIN; tries++)
		if ((result = ipc_call(peer, RB_TAG(0, 0), RB_IPC_NONBLOCK)) == -EAGAIN)
			rb_sleep_ns(1000000);
	return result == -EPIPE;
}

void test_client_task_exits(void)
{
	struct channel c = channel_open(0xc1);
	struct rb_utcb *utcb = rb_utcb();
	long held = -1, exiting = -1;
	int badges_right = 1;

	check(rb_ns_register(TEST_IPC_NAME, c.send) == 0, "registered " TEST_IPC_NAME);
	for (int i = 0; i < 2; i++) {
		long tag = ipc_wait(c.port, 0);
		badges_right &= utcb->badge == 0xc1;
		if (tag == (long)RB_TAG(PEER_HOLD, 0))
			held = utcb->rcvid;
		else if (tag == (long)RB_TAG(PEER_EXITING, 0))
			exiting = utcb->rcvid;
	}
	check(held > 0 && exiting > 0 && badges_right,
	      "test_ipc_peer client called twice at once, with the registered badge");
	/* Its name before the reply: on another CPU the peer may end at once. */
	long peer = rb_ns_lookup_wait(PEER_CLIENT_NAME, RB_SECONDS(10));
	check(ipc_reply(exiting, RB_TAG(0, 0)) == 0, "the reply that lets the peer end succeeds");
	check(peer > 0 && wait_until_gone(peer), "the peer's task ended");
	check(ipc_reply(held, RB_TAG(0, 0)) == -ESRCH,
	      "a reply to a caller whose task ended is ESRCH");
	rb_handle_close(peer);
	channel_close(c);
}
