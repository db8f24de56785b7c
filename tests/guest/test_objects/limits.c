/*
 * The attacker at each per-task limit (docs/limits.md): threads, ports
 * and names come out of the task's memory, so it first maps memory up to
 * its limit; then each object is refused with EAGAIN (a limit, not
 * ENOMEM), and comes back once memory is given back.  The handle table
 * has a reach of its own (EMFILE).  The bystander, working all along,
 * sees no failure (bystander.c).
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/page.h>
#include <rainbow/syscall.h>

#include "objects.h"
#include "tap.h"

#define FILLS 64
/* More objects than the few a nearly full page of the task's charge can still hold. */
#define PROBE 1024

static struct { long at; size_t len; } fills[FILLS];
static int nfills;

long memory_fill(void)
{
	long at = 0;

	for (size_t len = 32 << 20; len >= RB_PAGE_SIZE; len /= 2)
		while (nfills < FILLS && (at = rb_mem_map(NULL, len, RB_PROT_READ | RB_PROT_WRITE)) > 0)
			fills[nfills++] = (typeof(fills[0])){ at, len };
	return at == -EAGAIN ? 0 : at;
}

void memory_release(void)
{
	while (nfills > 0) {
		nfills--;
		rb_mem_unmap((void *)fills[nfills].at, fills[nfills].len);
	}
}

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
	static long port[PROBE];
	long error = 0;
	int made = 0;

	check(memory_fill() == 0, "memory maps up to the task's limit, then EAGAIN");
	while (made < PROBE && (error = port[made] = rb_port_create()) > 0)
		made++;
	printf("# %d ports made at the limit\n", made);
	check(made < PROBE && error == -EAGAIN, "at the memory limit port_create is EAGAIN");
	rb_sleep_ns(HOLD_NS);	/* the bystander makes ports meanwhile */
	memory_release();
	check((error = rb_port_create()) > 0, "giving memory back gives ports back");
	rb_handle_close(error);
	int closed = 0;
	for (int i = 0; i < made; i++)
		closed += rb_handle_close(port[i]) == 0;
	check(closed == made, "every owner handle closes");
}

void test_handle_limit(void)
{
	static long minted[LIMIT_HANDLES];
	long port = rb_port_create();
	long error = 0;
	int made = 0;

	while (made < LIMIT_HANDLES && (error = minted[made] = rb_port_mint(port, made)) > 0)
		made++;
	/* The handles open: the port, the bystander's, the minted ones. */
	check(made == LIMIT_HANDLES - 2 && error == -EMFILE, "the 65,537th handle is EMFILE");
	for (int i = 0; i < made; i++)
		rb_handle_close(minted[i]);
	check(memory_fill() == 0, "memory maps up to the task's limit");
	/* The table keeps its pages: fill it past them. */
	made = 0;
	while (made < LIMIT_HANDLES && (error = minted[made] = rb_port_mint(port, made)) > 0)
		made++;
	check(made == LIMIT_HANDLES - 2 && error == -EMFILE,
	      "a table grown before needs no memory: the limit is EMFILE again");
	for (int i = 0; i < made; i++)
		rb_handle_close(minted[i]);
	memory_release();
	check(rb_handle_close(port) == 0, "and closing them gives them back");
}

void test_name_limit(void)
{
	long port = rb_port_create();
	long send = rb_port_mint(port, 3);
	char name[32];
	int ok = 0;
	long error = 0;

	check(memory_fill() == 0, "memory maps up to the task's limit");
	while (ok < PROBE) {
		snprintf(name, sizeof name, "objects-%d", ok);
		if ((error = rb_ns_register(name, send)) != 0)
			break;
		ok++;
	}
	printf("# %d names registered at the limit\n", ok);
	check(ok < PROBE && error == -EAGAIN, "at the memory limit ns_register is EAGAIN, not ENOSPC");
	rb_sleep_ns(HOLD_NS);	/* the bystander registers names meanwhile */
	memory_release();
	check(rb_ns_register("objects-one-more", send) == 0, "giving memory back gives names back");
	long found = rb_ns_lookup("objects-one-more");
	check(found > 0, "the names are found");
	rb_handle_close(found);
	rb_handle_close(send);
	rb_handle_close(port);
	check(rb_ns_lookup("objects-one-more") == -ENOENT && rb_ns_lookup("objects-0") == -ENOENT,
	      "they go with their port");
}

/* Issue 10, item 7. */
void test_thread_limit(void)
{
	long error;

	check(threads_prepare(PROBE) == 0 && memory_fill() == 0, "memory maps up to the task's limit");
	int started = threads_start(&error);
	printf("# %d threads started at the limit\n", started);
	check(started < PROBE && error == -EAGAIN, "then threads start until EAGAIN, not ENOMEM");
	rb_sleep_ns(HOLD_NS);	/* the bystander and the hogs start threads meanwhile */
	memory_release();
	int all = threads_start(&error);
	check(all == PROBE && error == 0, "giving memory back lets the rest start");
	check(threads_release() == all, "they all end and are joined");
}
