/*
 * The bystander: while the attacker and the hogs sit at their limits, it
 * serves calls on its own port and, round after round, creates a port,
 * registers and looks up a name, starts and joins a thread, calls its
 * own server and, while it is there, sends the attacker's accepting
 * server a handle.  Any failure is printed and makes it exit 1.  The rounds go
 * on until the attacker's BYSTANDER_DONE call (at most MAX_ROUNDS); then
 * its own BYSTANDER_QUIT ends the server.  A receive that fails (a
 * negative tag) ends the server too, and fails the bystander.
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "objects.h"

#define MAX_ROUNDS 500
#define ROUND_NS (10 * 1000000ull)

static long server_port;
static int failures;
static volatile int attacker_done;

static void failed(const char *what, long result)
{
	printf("bystander: %s failed: %ld\n", what, result);
	failures++;
}

/* Answers every call with label + 1, as the documentation's loop does, until BYSTANDER_QUIT. */
static int serve(void *arg)
{
	(void)arg;
	struct rb_utcb *utcb = rb_utcb();
	long tag = ipc_wait(server_port, 0);

	while (tag >= 0 && RB_TAG_LABEL(tag) != BYSTANDER_QUIT) {
		if (RB_TAG_LABEL(tag) == BYSTANDER_DONE)
			attacker_done = 1;
		tag = ipc_reply_and_wait(utcb->rcvid, RB_TAG(RB_TAG_LABEL(tag) + 1, 0), server_port);
	}
	if (tag < 0)
		failed("the server's receive", tag);
	else
		ipc_reply(utcb->rcvid, RB_TAG(BYSTANDER_QUIT + 1, 0));
	return tag < 0;
}

static int nothing(void *arg)
{
	return (int)(intptr_t)arg;
}

/*
 * While the attacker's server that accepts handles is registered
 * (transfer.c), a call to it carrying a handle: it must get through even
 * when the attacker sits at its quota of handles sent.
 */
static void send_handle(long handle)
{
	static long accepting;

	if (accepting <= 0)
		accepting = rb_ns_lookup(TRANSFER_NAME);
	if (accepting <= 0)
		return;
	rb_utcb()->mr[0] = (uint64_t)handle;
	long tag = ipc_call(accepting, RB_TAG(2, 1) | RB_TAG_HANDLE, 0);
	if (tag == -EPIPE) {		/* the server is gone */
		rb_handle_close(accepting);
		accepting = 0;
	} else if (tag != 0) {
		failed("a call carrying a handle to the accepting server", tag);
	}
}

/* One round of everything a task does with kernel objects. */
static void round_of_work(int round, long send)
{
	char name[32];
	long port = rb_port_create();
	long minted = port > 0 ? rb_port_mint(port, 1) : port;

	if (port < 0 || minted < 0)
		failed("port_create, port_mint", port < 0 ? port : minted);
	snprintf(name, sizeof name, "bystander-%d", round);
	long registered = minted > 0 ? rb_ns_register(name, minted) : 0;
	long found = registered == 0 ? rb_ns_lookup(name) : registered;
	if (found < 0)
		failed("ns_register, ns_lookup", found);
	rb_handle_close(found);
	rb_handle_close(minted);
	rb_handle_close(port);	/* the owner handle: the port and its name go */

	struct rb_thread *t = rb_thread_start(nothing, (void *)(intptr_t)round);
	int status = -1;
	if (!t || rb_thread_wait(t, &status) != 0 || status != round)
		failed("thread start and join", -errno);

	long tag = ipc_call(send, RB_TAG(BYSTANDER_ECHO, 0), 0);
	if (tag != (long)RB_TAG(BYSTANDER_ECHO + 1, 0))
		failed("a call to its own server", tag);
	send_handle(send);
}

int bystander_main(void)
{
	server_port = rb_port_create();
	long send = server_port > 0 ? rb_port_mint(server_port, 0) : server_port;
	long registered = send > 0 ? rb_ns_register(BYSTANDER_NAME, send) : send;
	struct rb_thread *server = registered == 0 ? rb_thread_start(serve, NULL) : NULL;
	int status = 1;

	if (!server) {
		failed("publishing its server", registered);
		return 1;
	}
	int rounds = 0;
	while (!attacker_done && rounds < MAX_ROUNDS) {
		round_of_work(rounds++, send);
		rb_sleep_ns(ROUND_NS);
	}
	if (!attacker_done)
		failed("waiting for the attacker", MAX_ROUNDS);
	if (ipc_call(send, RB_TAG(BYSTANDER_QUIT, 0), 0) < 0)
		failed("quitting", 0);
	rb_thread_wait(server, &status);
	printf("bystander: %d rounds, %d failures\n", rounds, failures);
	return failures != 0 || status != 0;
}
