/*
 * ipc_copy: IPC's bulk copy (docs/ipc.md, "Bulk copy") and its errors,
 * across tasks, while tests/guest/mem_bystander keeps its pace.
 *   ipc_copy server   answers the three clients' calls, checking what
 *                     rb_ipc_read and rb_ipc_write give for each (TAP)
 *   ipc_copy client   lends windows of every kind (TAP)
 *   ipc_copy dying    a client whose task ends in the middle of its call
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define NAME "ipc_copy"
#define BUF 8192
#define HUGE (1ul << 30)

enum { LEND_RW = 1, LEND_READ, LEND_NONE, LEND_HUGE, LEND_DYING, DONE };

static char buf[3 * 4096] __attribute__((aligned(4096)));
static char mine[RB_IPC_COPY_MAX + 4096];

/* ---- the server ---- */

static long port;

/* Waits for the next call: its label, its rcvid in *rcvid. */
static uint64_t next(long *rcvid)
{
	long tag = ipc_wait(port, 0);

	*rcvid = rb_utcb()->rcvid;
	return tag < 0 ? 0 : RB_TAG_LABEL(tag);
}

static void answer(long rcvid)
{
	ipc_reply(rcvid, RB_TAG(0, 0));
}

static void serve_rw(void)
{
	long rcvid;

	check(next(&rcvid) == LEND_RW, "a call lending an 8 KiB read-write window");
	check(rb_ipc_caller_task(rcvid) > 0 && rb_ipc_caller_task(rcvid) != rb_task_id(),
	      "rb_ipc_caller_task names the client's task");
	memset(mine, 0, BUF);
	check(rb_ipc_read(rcvid, 0, mine, BUF) == BUF, "rb_ipc_read of the whole window");
	int same = 1;
	for (int i = 0; i < BUF; i++)
		same &= mine[i] == (char)(i * 7);
	check(same, "it holds the client's bytes, across the pages of both sides");
	memset(mine, 'w', 300);
	check(rb_ipc_write(rcvid, 100, mine, 300) == 300, "rb_ipc_write of 300 bytes at 100");
	check(rb_ipc_read(rcvid, BUF - 10, mine, 100) == 10, "a read past the window's end: cut at it (10)");
	check(rb_ipc_write(rcvid, BUF, mine, 1) == 0, "at the window's end: 0");
	check(rb_ipc_read(rcvid, BUF + 1, mine, 1) == -EINVAL, "past the end: -EINVAL");
	check(rb_ipc_read(rcvid, 0, NULL, 16) == -EFAULT, "into a null buffer: -EFAULT");
	check(rb_ipc_read(rcvid, 0, (void *)"rodata", 4) == -EFAULT, "into read-only memory: -EFAULT");
	check(rb_ipc_write(rcvid, 0, (void *)0xffff800000000000ull, 16) == -EFAULT, "from a kernel address: -EFAULT");
	check(rb_ipc_read(rcvid + 1, 0, mine, 16) == -ESRCH, "another rcvid: -ESRCH");
	check(rb_ipc_read(-1, 0, mine, 16) == -ESRCH, "rcvid -1: -ESRCH");
	answer(rcvid);
	check(rb_ipc_read(rcvid, 0, mine, 16) == -ESRCH, "the answered caller's rcvid: -ESRCH (stale)");
	check(rb_ipc_caller_task(rcvid) == -ESRCH, "and rb_ipc_caller_task of it too");
}

static void serve_rights(void)
{
	long rcvid;

	check(next(&rcvid) == LEND_READ, "a call lending a read-only window");
	check(rb_ipc_read(rcvid, 0, mine, 64) == 64, "reading it works");
	check(rb_ipc_write(rcvid, 0, mine, 64) == -EPERM, "writing it: -EPERM");
	answer(rcvid);
	check(next(&rcvid) == LEND_NONE, "a call lending no window");
	check(rb_ipc_read(rcvid, 0, mine, 64) == -EPERM, "rb_ipc_read: -EPERM");
	check(rb_ipc_write(rcvid, 0, mine, 64) == -EPERM, "rb_ipc_write: -EPERM");
	answer(rcvid);
}

static void serve_huge(void)
{
	long rcvid;

	check(next(&rcvid) == LEND_HUGE, "a call lending a 1 GiB window over 64 KiB of memory");
	memset(mine, 'h', sizeof mine);
	check(rb_ipc_write(rcvid, 0, mine, sizeof mine) == RB_IPC_COPY_MAX,
	      "one rb_ipc_write moves RB_IPC_COPY_MAX at most");
	check(rb_ipc_write(rcvid, RB_IPC_COPY_MAX - 4096, mine, 2 * 4096) == 4096,
	      "a copy that runs off the mapped memory: the count before it");
	check(rb_ipc_write(rcvid, HUGE - 4096, mine, 4096) == -EFAULT, "at the window's unmapped end: -EFAULT");
	check(rb_ipc_write(rcvid, HUGE, mine, 4096) == 0, "at its very end: 0");
	answer(rcvid);
}

static void serve_dying(void)
{
	long rcvid;

	check(next(&rcvid) == LEND_DYING, "a call from a task about to end");
	rb_sleep_ns(100000000);			/* it ends meanwhile */
	check(rb_ipc_write(rcvid, 0, mine, 64) == -ESRCH, "after it ended, rb_ipc_write: -ESRCH");
	check(rb_ipc_read(rcvid, 0, mine, 64) == -ESRCH, "rb_ipc_read: -ESRCH");
	check(ipc_reply(rcvid, RB_TAG(0, 0)) == -ESRCH, "and the reply: -ESRCH");
}

static void serve_reply_window(void)
{
	long rcvid;

	check(next(&rcvid) == DONE, "the client's last call");
	check(ipc_reply(rcvid, RB_TAG(0, 0) | RB_TAG_WINDOW) == -EINVAL, "a reply with RB_TAG_WINDOW: -EINVAL");
	answer(rcvid);
}

/* ---- the clients ---- */

static long server;

static long lend(uint64_t label, const void *base, uint64_t length, uint64_t rights)
{
	rb_utcb()->window = (struct rb_ipc_window){ (uint64_t)base, length, rights };
	return ipc_call(server, RB_TAG(label, 0) | RB_TAG_WINDOW, 0);
}

static void client_calls(void)
{
	check(lend(LEND_RW, buf, 0, 0) == -EINVAL, "a window without rights: -EINVAL");
	check(lend(LEND_RW, buf, BUF, 4) == -EINVAL, "a reserved right: -EINVAL");
	check(lend(LEND_RW, buf, BUF, 1ull << 63) == -EINVAL, "rights bit 63: -EINVAL");
	check(lend(LEND_RW, (void *)0x7ffffffff000ull, 1ull << 20, RB_WINDOW_READ) == -EFAULT,
	      "a window past user space: -EFAULT");
	check(lend(LEND_RW, (void *)~0ull, 2, RB_WINDOW_READ) == -EFAULT, "a wrapping window: -EFAULT");
	char *b = buf + 1000;			/* straddles three pages */
	for (int i = 0; i < BUF; i++)
		b[i] = (char)(i * 7);
	check(lend(LEND_RW, b, BUF, RB_WINDOW_READ | RB_WINDOW_WRITE) == RB_TAG(0, 0), "the read-write call answered");
	int written = 1;
	for (int i = 100; i < 400; i++)
		written &= b[i] == 'w';
	check(written && b[99] == (char)(99 * 7) && b[400] == (char)(400 * 7), "the server wrote exactly its 300 bytes");
	check(lend(LEND_READ, b, 64, RB_WINDOW_READ) == RB_TAG(0, 0), "the read-only call answered");
	check(ipc_call(server, RB_TAG(LEND_NONE, 0), 0) == RB_TAG(0, 0), "the call without a window answered");
	/* 64 KiB mapped high in the anonymous range, nothing above it. */
	long huge = rb_mem_map((void *)0x600000000000ull, RB_IPC_COPY_MAX, RB_PROT_READ | RB_PROT_WRITE);
	check(huge > 0, "64 KiB mapped");
	check(lend(LEND_HUGE, (void *)huge, HUGE, RB_WINDOW_WRITE) == RB_TAG(0, 0), "the huge window's call answered");
	check(((char *)huge)[0] == 'h' && ((char *)huge)[RB_IPC_COPY_MAX - 1] == 'h', "its 64 KiB written");
	check(ipc_call(server, RB_TAG(DONE, 0), 0) == RB_TAG(0, 0), "the last call answered");
}

static void dying_call(void *arg)
{
	(void)arg;
	lend(LEND_DYING, buf, sizeof buf, RB_WINDOW_READ | RB_WINDOW_WRITE);
	rb_thread_exit(0);
}

static const struct tap_test server_tests[] = {
	{ serve_rw, "copies, bounds and bad buffers" },
	{ serve_rights, "rights" },
	{ serve_huge, "a huge window" },
	{ serve_reply_window, "a reply may not lend a window" },
	{ serve_dying, "a client that ends mid-call" },
};
static const struct tap_test client_tests[] = { { client_calls, "windows of every kind" } };

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "server")) {
		port = rb_port_create();
		long send = port < 0 ? port : rb_port_mint(port, 1);
		if (send < 0 || rb_ns_register(NAME, send) < 0)
			return 1;
		return TAP_RUN(server_tests);
	}
	while ((server = rb_ns_lookup(NAME)) == -ENOENT)
		rb_sleep_ns(1000000);
	if (argc == 2 && !strcmp(argv[1], "client"))
		return TAP_RUN(client_tests);
	if (argc == 2 && !strcmp(argv[1], "dying")) {
		rb_sleep_ns(300000000);		/* after the client's calls */
		static char stack[16384] __attribute__((aligned(16)));
		rb_thread_create(dying_call, NULL, stack + sizeof stack - 8, NULL);
		rb_sleep_ns(30000000);		/* the call is received, the server sleeps */
		rb_exit(0);
	}
	fprintf(stderr, "usage: ipc_copy server | client | dying\n");
	return 2;
}
