/*
 * Messages that go right: badges, labels, replies to the right caller,
 * handles carried along, 64-word messages, and nothing copied beyond the
 * tag's word count.
 */
#include <rainbow/syscall.h>

#include "test_ipc.h"

void test_badges(void)
{
	struct channel c = channel_open(0xb1);
	long second = rb_port_mint(c.port, 0xb2);
	struct echo e;

	check(c.port > 0 && c.send > 0 && second > 0 && c.send != c.port && second != c.send,
	      "port_create and port_mint give distinct handles");
	echo_start(&e, c.port, 2);
	int answered = echo_call(c.send, 1, 1, 11) & echo_call(second, 1, 1, 12);
	check(echo_finish(&e) && answered, "two calls through two handles are answered");
	check(e.badge[0] == 0xb1 && e.badge[1] == 0xb2, "the server gets the badge of the handle used");
	rb_handle_close(second);
	channel_close(c);
}

void test_labels(void)
{
	struct channel c = channel_open(0);
	const uint64_t label = (1ull << 46) | 0x1234;	/* the widest label: 47 bits */
	struct echo e;

	echo_start(&e, c.port, 1);
	int answered = echo_call(c.send, label, 3, 21);
	check(echo_finish(&e) && e.tag[0] == (long)RB_TAG(label, 3),
	      "the server gets the tag as sent: a 47-bit label and the word count");
	check(answered, "ipc_call returns the reply's tag, and its words arrive");
	channel_close(c);
}

struct caller {
	long send;
	uint64_t id;
	long tag;
	uint64_t answer;
};

static int call_with_id(void *arg)
{
	struct caller *c = arg;
	struct rb_utcb *utcb = rb_utcb();

	utcb->mr[0] = c->id;
	c->tag = ipc_call(c->send, RB_TAG(7, 1), 0);
	c->answer = utcb->mr[0];
	return 0;
}

/* Two callers arrive before the first is answered; replies go in reverse. */
void test_reply_reaches_its_caller(void)
{
	struct channel c = channel_open(0);
	struct caller callers[2] = { { c.send, 1, -1, 0 }, { c.send, 2, -1, 0 } };
	struct rb_thread *threads[2];
	struct rb_utcb *utcb = rb_utcb();
	long rcvid[2];
	uint64_t id[2];

	for (int i = 0; i < 2; i++)
		threads[i] = rb_thread_start(call_with_id, &callers[i]);
	for (int i = 0; i < 2; i++) {
		long tag = ipc_wait(c.port, 0);
		rcvid[i] = tag == (long)RB_TAG(7, 1) ? utcb->rcvid : -1;
		id[i] = utcb->mr[0];
	}
	check(rcvid[0] > 0 && rcvid[1] > 0 && rcvid[0] != rcvid[1] && id[0] + id[1] == 3 &&
	      id[0] != id[1], "two waits take both callers, each with its own rcvid");
	long replied[2];
	for (int i = 1; i >= 0; i--) {
		utcb->mr[0] = id[i] * 100;
		replied[i] = ipc_reply(rcvid[i], RB_TAG(0, 1));
	}
	check(replied[0] == 0 && replied[1] == 0, "both replies, the later caller first, succeed");
	check(ipc_reply(rcvid[1], RB_TAG(0, 0)) == -ESRCH, "a second reply to the same rcvid is ESRCH");
	for (int i = 0; i < 2; i++)
		if (threads[i])
			rb_thread_wait(threads[i], NULL);
	check(callers[0].tag == (long)RB_TAG(0, 1) && callers[0].answer == 100 &&
	      callers[1].tag == (long)RB_TAG(0, 1) && callers[1].answer == 200,
	      "each caller gets the reply meant for it");
	channel_close(c);
}

/*
 * The server's side of test_handle_transfer: hands out a handle minted
 * with badge 0x77 and closes its own copy; then takes a call that came
 * through that handle and carries one of the caller's.
 */
struct transfer {
	long port;
	long minted;
	uint64_t second_badge;
	long second_tag;
	long received;
	long received_closed;
};

static int hand_out_a_handle(void *arg)
{
	struct transfer *t = arg;
	struct rb_utcb *utcb = rb_utcb();

	if (ipc_wait(t->port, 0) < 0)
		return 1;
	t->minted = rb_port_mint(t->port, 0x77);
	utcb->mr[0] = (uint64_t)t->minted;
	if (ipc_reply(utcb->rcvid, RB_TAG(0, 1) | RB_TAG_HANDLE) != 0)
		return 1;
	rb_handle_close(t->minted);
	t->second_tag = ipc_wait(t->port, 0);
	t->second_badge = utcb->badge;
	t->received = (long)utcb->mr[0];
	t->received_closed = rb_handle_close(t->received);
	return ipc_reply(utcb->rcvid, RB_TAG(0, 0)) != 0;
}

void test_handle_transfer(void)
{
	struct channel c = channel_open(0);
	struct transfer t = { .port = c.port };
	long accepted = rb_port_accept_handles(c.port);
	struct rb_thread *server = rb_thread_start(hand_out_a_handle, &t);
	struct rb_utcb *utcb = rb_utcb();
	int status = 1;

	long tag = ipc_call(c.send, RB_TAG(1, 0), 0);
	long copy = (long)utcb->mr[0];
	check(tag == (long)(RB_TAG(0, 1) | RB_TAG_HANDLE) && copy > 0 && copy != t.minted,
	      "a reply carrying a handle gives the caller a new handle of its own");
	long mine = rb_port_mint(c.port, 0x88);
	utcb->mr[0] = (uint64_t)mine;
	tag = ipc_call(copy, RB_TAG(2, 1) | RB_TAG_HANDLE, 0);
	if (server)
		rb_thread_wait(server, &status);
	check(tag == 0 && status == 0 && t.second_badge == 0x77,
	      "the copy still works after the sender closed its own, with the minted badge");
	check(accepted == 0 && t.second_tag == (long)(RB_TAG(2, 1) | RB_TAG_HANDLE) && t.received > 0 &&
	      t.received != mine && t.received_closed == 0,
	      "a call carrying a handle to a port that accepts them gives the server a new handle");
	check(rb_handle_close(copy) == 0 && rb_handle_close(mine) == 0,
	      "the sender's handle survives its transfer");
	channel_close(c);
}

void test_long_message(void)
{
	struct channel c = channel_open(0);
	struct echo e;

	echo_start(&e, c.port, 1);
	int answered = echo_call(c.send, 3, RB_IPC_MRS, 31);
	check(echo_finish(&e) && e.tag[0] == (long)RB_TAG(3, RB_IPC_MRS) &&
	      mrs_match(e.seen, 0, RB_IPC_MRS, 31, 0), "a 64-word message arrives intact");
	check(answered, "a 64-word reply arrives intact");
	channel_close(c);
}

/*
 * Words past the tag's count: every one keeps what the receiver had, the
 * server's fill on the way there, the caller's own words on the way back.
 */
static int beyond_the_tag_untouched(unsigned words, uint64_t seed)
{
	struct channel c = channel_open(0);
	struct echo e;
	const uint64_t *mine = rb_utcb()->mr;

	echo_start(&e, c.port, 1);
	int answered = echo_call(c.send, 4, words, seed);
	int ok = echo_finish(&e) && answered &&
		 mrs_match(e.seen, 0, words, seed, 0) &&
		 mrs_match(e.seen, words, RB_IPC_MRS, ECHO_FILL, 0) &&
		 mrs_match(mine, words, RB_IPC_MRS, seed, 0);
	channel_close(c);
	return ok;
}

void test_nothing_beyond_the_tag(void)
{
	check(beyond_the_tag_untouched(5, 41), "5 words: the other 59 are left alone, both ways");
	check(beyond_the_tag_untouched(1, 42), "1 word: the other 63 are left alone, both ways");
	check(beyond_the_tag_untouched(0, 43), "0 words: all 64 are left alone, both ways");
}
