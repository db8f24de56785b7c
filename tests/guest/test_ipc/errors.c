/*
 * Every error of <rainbow/ipc.h> within one task: EMSGSIZE, EBADF, EPERM,
 * EPIPE, EAGAIN, ESRCH and EMFILE.
 */
#include <rainbow/syscall.h>

#include "test_ipc.h"

struct oversized {
	long port;
	long reply_result;
	long reply_and_wait_result;
};

/* Answers one call, first trying replies of 65 words. */
static int reply_too_long(void *arg)
{
	struct oversized *o = arg;
	struct rb_utcb *utcb = rb_utcb();

	if (ipc_wait(o->port, 0) < 0)
		return 1;
	o->reply_result = ipc_reply(utcb->rcvid, RB_TAG(0, RB_IPC_MRS + 1));
	o->reply_and_wait_result = ipc_reply_and_wait(utcb->rcvid, RB_TAG(0, RB_IPC_MRS + 1), o->port);
	return ipc_reply(utcb->rcvid, RB_TAG(6, 0)) != 0;
}

void test_msgsize(void)
{
	struct channel c = channel_open(0);
	struct oversized o = { .port = c.port };
	struct rb_thread *server = rb_thread_start(reply_too_long, &o);
	int status = 1;

	let_others_block();
	check(ipc_call(c.send, RB_TAG(5, RB_IPC_MRS + 1), 0) == -EMSGSIZE,
	      "a call of 65 words is EMSGSIZE");
	check(ipc_call(c.send, RB_TAG(5, 255), 0) == -EMSGSIZE, "a call of 255 words is EMSGSIZE");
	long tag = ipc_call(c.send, RB_TAG(5, RB_IPC_MRS), 0);
	if (server)
		rb_thread_wait(server, &status);
	check(o.reply_result == -EMSGSIZE && o.reply_and_wait_result == -EMSGSIZE,
	      "replies of 65 words are EMSGSIZE (reply, reply_and_wait)");
	check(tag == (long)RB_TAG(6, 0) && status == 0,
	      "the server still waited for the call, and its caller still gets the right reply");
	channel_close(c);
}

void test_bad_handles(void)
{
	struct channel c = channel_open(0);
	long closed = rb_port_mint(c.port, 0);
	const long bad[] = { 0, -1, 65, 9999, closed };
	int all = 1;

	check(rb_handle_close(closed) == 0, "handle_close closes a send handle");
	check(rb_handle_close(closed) == -EBADF, "closing it again is EBADF");
	for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++)
		all &= ipc_call(bad[i], RB_TAG(0, 0), 0) == -EBADF &&
		       ipc_call(bad[i], RB_TAG(0, 0), RB_IPC_NONBLOCK) == -EBADF &&
		       ipc_wait(bad[i], 0) == -EBADF && rb_port_destroy(bad[i]) == -EBADF &&
		       rb_port_mint(bad[i], 1) == -EBADF && rb_handle_close(bad[i]) == -EBADF;
	check(all, "call, wait, port_destroy, port_mint, handle_close: EBADF for 0, -1, 65, "
		   "9999 and a closed handle");
	check(rb_ns_register("test-ipc-bad", 9999) == -EBADF, "ns_register of a bad handle is EBADF");
	rb_utcb()->mr[0] = 9999;
	check(ipc_call(c.send, RB_TAG(0, 1) | RB_TAG_HANDLE, 0) == -EBADF,
	      "a call carrying a bad handle is EBADF");
	channel_close(c);
}

void test_send_handle_is_not_owner(void)
{
	struct channel c = channel_open(0);

	check(ipc_wait(c.send, 0) == -EPERM, "ipc_wait on a send handle is EPERM");
	check(ipc_wait(c.send, RB_IPC_NONBLOCK) == -EPERM, "a non-blocking ipc_wait too");
	check(rb_port_destroy(c.send) == -EPERM, "port_destroy through a send handle is EPERM");
	check(rb_port_mint(c.send, 5) == -EPERM, "port_mint through a send handle is EPERM");
	channel_close(c);
}

void test_destroyed_port(void)
{
	struct channel c = channel_open(0);
	struct blocked caller, receiver;

	call_in_thread(&caller, c.send);
	let_others_block();
	check(rb_port_destroy(c.port) == 0, "port_destroy with a caller queued succeeds");
	check(blocked_result(&caller) == -EPIPE, "the queued caller wakes with EPIPE");
	check(ipc_call(c.send, RB_TAG(0, 0), 0) == -EPIPE &&
	      ipc_call(c.send, RB_TAG(0, 0), RB_IPC_NONBLOCK) == -EPIPE,
	      "later calls through its handles are EPIPE");
	check(ipc_wait(c.port, 0) == -EPIPE, "waiting on it is EPIPE");
	channel_close(c);

	c = channel_open(0);
	call_in_thread(&caller, c.send);
	long tag = ipc_wait(c.port, 0);
	long rcvid = rb_utcb()->rcvid;
	check(tag >= 0 && rb_port_destroy(c.port) == 0 && ipc_reply(rcvid, RB_TAG(4, 0)) == 0 &&
	      blocked_result(&caller) == (long)RB_TAG(4, 0),
	      "a call received before its port is destroyed is still answered");
	channel_close(c);

	c = channel_open(0);
	wait_in_thread(&receiver, c.port);
	let_others_block();
	check(rb_port_destroy(c.port) == 0 && blocked_result(&receiver) == -EPIPE,
	      "a thread waiting on a port that is destroyed wakes with EPIPE");
	channel_close(c);
}

/* Calls non-blocking until someone waits (up to 1 s); the result. */
static long call_when_someone_waits(long handle)
{
	long tag = -EAGAIN;

	for (int tries = 0; tries < 1000 && tag == -EAGAIN; tries++)
		if ((tag = ipc_call(handle, RB_TAG(9, 0), RB_IPC_NONBLOCK)) == -EAGAIN)
			rb_sleep_ns(1000000);
	return tag;
}

static long wait_for_a_caller(long port)
{
	long tag = -EAGAIN;

	for (int tries = 0; tries < 1000 && tag == -EAGAIN; tries++)
		if ((tag = ipc_wait(port, RB_IPC_NONBLOCK)) == -EAGAIN)
			rb_sleep_ns(1000000);
	return tag;
}

void test_nonblock(void)
{
	struct channel c = channel_open(0);
	struct blocked caller;
	struct echo e;

	check(ipc_call(c.send, RB_TAG(0, 0), RB_IPC_NONBLOCK) == -EAGAIN,
	      "a non-blocking call with nobody waiting is EAGAIN");
	check(ipc_wait(c.port, RB_IPC_NONBLOCK) == -EAGAIN,
	      "a non-blocking wait with nobody calling is EAGAIN");
	echo_start(&e, c.port, 1);
	check(call_when_someone_waits(c.send) == (long)RB_TAG(10, 0) && echo_finish(&e),
	      "a non-blocking call to a waiting server goes through");
	call_in_thread(&caller, c.send);
	long tag = wait_for_a_caller(c.port);
	check(tag == (long)RB_TAG(1, 0) && ipc_reply(rb_utcb()->rcvid, RB_TAG(2, 0)) == 0 &&
	      blocked_result(&caller) == (long)RB_TAG(2, 0),
	      "a non-blocking wait takes a queued caller");
	channel_close(c);
}

static int receive_and_end(void *arg)
{
	return ipc_wait(*(long *)arg, 0) < 0;
}

void test_server_thread_exits(void)
{
	struct channel c = channel_open(0);
	struct rb_thread *server = rb_thread_start(receive_and_end, &c.port);
	int status = 1;

	check(ipc_call(c.send, RB_TAG(1, 0), 0) == -EPIPE,
	      "a caller whose server thread ends before replying gets EPIPE");
	if (server)
		rb_thread_wait(server, &status);
	check(status == 0, "that thread had received the call");
	channel_close(c);
}

struct other_thread_reply {
	long rcvid;
	long result;
};

static int reply_from_another_thread(void *arg)
{
	struct other_thread_reply *r = arg;

	r->result = ipc_reply(r->rcvid, RB_TAG(0, 0));
	return 0;
}

void test_reply_errors(void)
{
	struct channel c = channel_open(0);
	struct blocked caller;

	check(ipc_reply(999999, RB_TAG(0, 0)) == -ESRCH, "a reply to an unknown rcvid is ESRCH");
	check(ipc_reply_and_wait(999999, RB_TAG(0, 0), c.port) == -ESRCH,
	      "reply_and_wait to an unknown rcvid is ESRCH, and waits for nothing");
	call_in_thread(&caller, c.send);
	long tag = ipc_wait(c.port, 0);
	struct other_thread_reply other = { rb_utcb()->rcvid, 1 };
	struct rb_thread *t = rb_thread_start(reply_from_another_thread, &other);
	if (t)
		rb_thread_wait(t, NULL);
	check(tag == (long)RB_TAG(1, 0) && other.result == -ESRCH,
	      "a reply from a thread other than the receiver is ESRCH");
	check(ipc_reply(other.rcvid, RB_TAG(3, 0)) == 0 && blocked_result(&caller) == (long)RB_TAG(3, 0),
	      "the receiver's own reply then goes through");
	channel_close(c);
}

/* At most this many handles are tried; the table holds 65,536 (docs/limits.md). */
#define HANDLES_PROBE (1 << 17)

void test_handle_table_full(void)
{
	static long minted[HANDLES_PROBE];
	struct channel c = channel_open(0);
	long registered = rb_ns_register("test-ipc-full", c.send);
	long accepted = rb_port_accept_handles(c.port);
	int n = 0, closed = 0;
	long last = 0;
	struct echo e;

	echo_start(&e, c.port, 1);	/* it will receive a handle once the table is full */
	while (n < HANDLES_PROBE && (last = rb_port_mint(c.port, (uint64_t)n)) > 0)
		minted[n++] = last;
	check(n < HANDLES_PROBE && last == -EMFILE, "port_mint into a full handle table is EMFILE");
	check(rb_port_create() == -EMFILE, "port_create with a full handle table is EMFILE");
	check(registered == 0 && rb_ns_lookup("test-ipc-full") == -EMFILE,
	      "ns_lookup with a full handle table is EMFILE");
	rb_utcb()->mr[0] = (uint64_t)c.send;
	long tag = ipc_call(c.send, RB_TAG(1, 1) | RB_TAG_HANDLE, 0);
	check(accepted == 0 && echo_finish(&e) && tag == (long)RB_TAG(2, 1) && e.seen[0] == (uint64_t)-EMFILE,
	      "a handle sent to a task whose table is full arrives as EMFILE in mr[0]");
	for (int i = 0; i < n; i++)
		closed += rb_handle_close(minted[i]) == 0;
	long again = rb_port_mint(c.port, 1);
	check(closed == n && again > 0, "closing handles makes room again");
	rb_handle_close(again);
	channel_close(c);
}
