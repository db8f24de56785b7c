/*
 * Handles in calls (issue 10, the server's table): a server that did not
 * accept handles refuses them to the sender, before anything changes;
 * one that did takes at most TASK_HANDLES_SENT_MAX (1,024) from one
 * client at once, so the bystander, another client of the same server,
 * still gets its handles through while the attacker sits at its quota.
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "objects.h"
#include "tap.h"

#define SENT_MAX 1024
#define QUIT 1

/* The attacker's server: keeps what the attacker sends, closes the bystander's. */
static struct {
	long port;
	long kept[SENT_MAX + 1];
	int nkept;
	volatile int bystander_handles;
} server;

static int accepting_server(void *arg)
{
	(void)arg;
	struct rb_utcb *utcb = rb_utcb();
	long tag = ipc_wait(server.port, 0);

	while (tag >= 0 && RB_TAG_LABEL(tag) != QUIT) {
		long handle = tag & RB_TAG_HANDLE ? (long)utcb->mr[0] : 0;
		if (utcb->badge == TRANSFER_BYSTANDER_BADGE)
			server.bystander_handles += handle > 0 && rb_handle_close(handle) == 0;
		else if (handle > 0 && server.nkept <= SENT_MAX)
			server.kept[server.nkept++] = handle;
		tag = ipc_reply_and_wait(utcb->rcvid, RB_TAG(0, 0), server.port);
	}
	return tag < 0 || ipc_reply(utcb->rcvid, RB_TAG(0, 0)) != 0;
}

static long call_with_handle(long to, long handle)
{
	rb_utcb()->mr[0] = (uint64_t)handle;
	return ipc_call(to, RB_TAG(2, 1) | RB_TAG_HANDLE, 0);
}

void test_handles_refused_unless_accepted(void)
{
	long bystander = rb_ns_lookup_wait(BYSTANDER_NAME, RB_SECONDS(10));

	check(call_with_handle(bystander, bystander) == -EOPNOTSUPP,
	      "a handle to a server that did not accept handles is EOPNOTSUPP");
	check(ipc_call(bystander, RB_TAG(BYSTANDER_ECHO, 0), 0) == (long)RB_TAG(BYSTANDER_ECHO + 1, 0),
	      "and the server still answers");
	check(rb_port_accept_handles(bystander) == -EPERM, "only the owner handle accepts handles");
	rb_handle_close(bystander);
}

void test_handle_quota(void)
{
	server.port = rb_port_create();
	long mine = rb_port_mint(server.port, 1);
	long theirs = rb_port_mint(server.port, TRANSFER_BYSTANDER_BADGE);
	struct rb_thread *thread = NULL;
	int sent = 0, status = 1;
	long error = 0;

	check(rb_port_accept_handles(server.port) == 0 &&
	      rb_ns_register(TRANSFER_NAME, theirs) == 0 &&
	      (thread = rb_thread_start(accepting_server, NULL)) != NULL,
	      "a server accepts handles and publishes its port");
	while (sent <= SENT_MAX && (error = call_with_handle(mine, mine)) == 0)
		sent++;
	printf("# %d handles sent, then %ld\n", sent, error);
	check(sent == SENT_MAX && error == -EDQUOT, "one client's 1,025th handle held by others is EDQUOT");
	int before = server.bystander_handles;
	rb_sleep_ns(HOLD_NS);	/* the bystander sends the server handles meanwhile */
	printf("# the bystander sent %d handles meanwhile\n", server.bystander_handles - before);
	check(server.bystander_handles > before, "meanwhile another client's handles still arrive");
	check(rb_handle_close(server.kept[0]) == 0 && call_with_handle(mine, mine) == 0,
	      "the server closing one gives the client one back");
	check(ipc_call(mine, RB_TAG(QUIT, 0), 0) == 0 && thread && rb_thread_wait(thread, &status) == 0 &&
	      status == 0, "the server ends");
	rb_handle_close(theirs);
	rb_handle_close(mine);
	rb_handle_close(server.port);
}
