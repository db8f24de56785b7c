/*
 * The attacker at each per-task limit (docs/limits.md): it gets a clean
 * error naming the limit, and the bystander, working all along, sees no
 * failure (bystander.c).
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/syscall.h>

#include "objects.h"
#include "tap.h"

/* Issue 10, item 4: 256 ports, each made and its owner handle closed. */
void test_ports_die_with_owner_handle(void)
{
	int ok = 0;

	for (int i = 0; i < 256; i++) {
		long port = rb_port_create();
		ok += port > 0 && rb_handle_close(port) == 0;
	}
	check(ok == 256, "256 rounds of port_create and closing the owner handle all succeed");
	long port = rb_port_create();
	long send = rb_port_mint(port, 0);
	check(rb_handle_close(port) == 0 && ipc_call(send, RB_TAG(1, 0), RB_IPC_NONBLOCK) == -EPIPE,
	      "closing the owner handle destroys the port: its send handle gets EPIPE");
	check(rb_handle_close(send) == 0, "the stale send handle still closes");
}

void test_port_limit(void)
{
	long port[LIMIT_PORTS + 1];
	long error = 0;
	int made = 0;

	while (made <= LIMIT_PORTS && (error = port[made] = rb_port_create()) > 0)
		made++;
	check(made == LIMIT_PORTS && error == -EAGAIN, "the 33rd live port is EAGAIN");
	rb_sleep_ns(HOLD_NS);	/* the bystander makes ports meanwhile */
	check(rb_handle_close(port[0]) == 0 && (port[0] = rb_port_create()) > 0,
	      "closing an owner handle gives its port back");
	check(rb_port_destroy(port[1]) == 0 && (error = rb_port_create()) > 0,
	      "so does destroying a port");
	rb_handle_close(error);
	int closed = 0;
	for (int i = 0; i < made; i++)
		closed += rb_handle_close(port[i]) == 0;
	check(closed == made, "every owner handle closes");
}

void test_handle_limit(void)
{
	long port = rb_port_create();
	long minted[LIMIT_HANDLES], error = 0;
	int made = 0;

	while (made < LIMIT_HANDLES && (error = minted[made] = rb_port_mint(port, made)) > 0)
		made++;
	/* The handles open: the port, the bystander's, the minted ones. */
	check(made == LIMIT_HANDLES - 2 && error == -EMFILE, "the 65th handle is EMFILE");
	for (int i = 0; i < made; i++)
		rb_handle_close(minted[i]);
	check(rb_handle_close(port) == 0, "and closing them gives them back");
}

void test_name_limit(void)
{
	long port = rb_port_create();
	long send = rb_port_mint(port, 3);
	char name[32];
	int ok = 0;

	for (int i = 0; i < LIMIT_NAMES; i++) {
		snprintf(name, sizeof name, "objects-%d", i);
		ok += rb_ns_register(name, send) == 0;
	}
	check(ok == LIMIT_NAMES, "8 names register");
	check(rb_ns_register("objects-one-more", send) == -EAGAIN, "the 9th is EAGAIN, not ENOSPC");
	rb_sleep_ns(HOLD_NS);	/* the bystander registers names meanwhile */
	long found = rb_ns_lookup("objects-7");
	check(found > 0, "the names are found");
	rb_handle_close(found);
	rb_handle_close(send);
	rb_handle_close(port);
	check(rb_ns_lookup("objects-0") == -ENOENT, "they go with their port");
	port = rb_port_create();
	check(rb_ns_register("objects-one-more", port) == 0, "and give the task its names back");
	rb_handle_close(port);
}

/* Issue 10, item 7. */
void test_thread_limit(void)
{
	long error;
	int started = threads_fill(&error);

	check(started == LIMIT_THREADS - 1 && error == -EAGAIN,
	      "127 more threads start, then EAGAIN (not ENOMEM)");
	rb_sleep_ns(HOLD_NS);	/* the bystander and the hogs start threads meanwhile */
	check(threads_release() == started, "they all end and are joined");
	started = threads_fill(&error);
	check(started == LIMIT_THREADS - 1 && error == -EAGAIN, "and the limit is whole again");
	threads_release();
}
