/*
 * Reserved bits of tags and flags (issue 10, item 6): refused with EINVAL
 * in calls and replies, on the fastpath and the general path, before
 * anything changes; no caller can make a server's receive fail.
 */
#include <errno.h>

#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "objects.h"
#include "tap.h"

#define BIT63 (1ull << 63)

/* Tags with a reserved bit: bit 63 with each kind of message, each undefined flag. */
static const uint64_t bad_tags[] = {
	BIT63 | RB_TAG(1, 1),		/* the input: a fastpath candidate */
	BIT63 | RB_TAG(1, 0),
	BIT63 | RB_TAG(1, 10),		/* general path: beyond the registers */
	BIT63 | RB_TAG_HANDLE | RB_TAG(1, 1),
	RB_TAG(1, 1) | 1ull << 9, RB_TAG(1, 1) | 1ull << 10, RB_TAG(1, 1) | 1ull << 11,
	RB_TAG(1, 1) | 1ull << 12, RB_TAG(1, 1) | 1ull << 13, RB_TAG(1, 1) | 1ull << 14,
	RB_TAG(1, 1) | 1ull << 15,
	~0ull,
};
#define BAD_TAGS (sizeof bad_tags / sizeof bad_tags[0])

/* Flags of ipc_call and ipc_wait with a bit other than RB_IPC_NONBLOCK. */
static const unsigned bad_flags[] = { 2, 3, 4, 1u << 8, 1u << 31, ~0u, ~1u };
#define BAD_FLAGS (sizeof bad_flags / sizeof bad_flags[0])

static long bystander;

static long bystander_handle(void)
{
	if (bystander <= 0)
		bystander = rb_ns_lookup_wait(BYSTANDER_NAME, RB_SECONDS(10));
	return bystander;
}

/* A server thread of this task: the first tag it receives, and its answer. */
struct receiver {
	long port;
	long tag;
	struct rb_thread *thread;
};

static int receive_one(void *arg)
{
	struct receiver *r = arg;

	r->tag = ipc_wait(r->port, 0);
	return r->tag < 0 || ipc_reply(rb_utcb()->rcvid, RB_TAG(2, 0)) != 0;
}

void test_reserved_tag_bits_in_calls(void)
{
	long handle = bystander_handle();
	int refused = 0;

	check(handle > 0, "the bystander's server is found");
	rb_utcb()->mr[0] = (uint64_t)handle;	/* a valid handle, for RB_TAG_HANDLE */
	for (unsigned i = 0; i < BAD_TAGS; i++)
		refused += ipc_call(handle, bad_tags[i], 0) == -EINVAL &&
			   ipc_call(handle, bad_tags[i], RB_IPC_NONBLOCK) == -EINVAL;
	check(refused == BAD_TAGS, "calls with bit 63 or an undefined tag flag are EINVAL");
	check(ipc_call(handle, RB_TAG(BYSTANDER_ECHO, 0), 0) == (long)RB_TAG(BYSTANDER_ECHO + 1, 0),
	      "the bystander's server still answers");

	/* A receiver already waiting: each call is a fastpath candidate. */
	struct receiver r = { .port = rb_port_create() };
	long send = rb_port_mint(r.port, 0);
	int status = 1;
	r.thread = rb_thread_start(receive_one, &r);
	rb_sleep_ns(20 * 1000000ull);	/* it blocks in ipc_wait */
	refused = 0;
	for (unsigned i = 0; i < BAD_TAGS; i++)
		refused += ipc_call(send, bad_tags[i], 0) == -EINVAL;
	check(refused == BAD_TAGS, "likewise with a server thread waiting (the fastpath's case)");
	long tag = ipc_call(send, RB_TAG(1, 1), 0);
	if (r.thread)
		rb_thread_wait(r.thread, &status);
	check(tag == (long)RB_TAG(2, 0) && r.tag == (long)RB_TAG(1, 1) && status == 0,
	      "the waiting server receives only the valid call after them");
	rb_handle_close(send);
	rb_handle_close(r.port);
}

void test_reserved_flags(void)
{
	long handle = bystander_handle();
	long port = rb_port_create();
	int refused = 0;

	for (unsigned i = 0; i < BAD_FLAGS; i++)
		refused += ipc_call(handle, RB_TAG(BYSTANDER_ECHO, 0), bad_flags[i]) == -EINVAL &&
			   ipc_wait(port, bad_flags[i]) == -EINVAL;
	check(refused == BAD_FLAGS, "ipc_call and ipc_wait with undefined flags are EINVAL");
	check(ipc_wait(port, RB_IPC_NONBLOCK) == -EAGAIN, "RB_IPC_NONBLOCK alone still works");
	rb_handle_close(port);
}

/* A server thread that tries every bad reply before a good one. */
struct replier {
	long port;
	int refused;
	struct rb_thread *thread;
};

static int reply_badly_first(void *arg)
{
	struct replier *r = arg;
	long rcvid;

	if (ipc_wait(r->port, 0) < 0)
		return 1;
	rcvid = rb_utcb()->rcvid;
	for (unsigned i = 0; i < BAD_TAGS; i++)
		r->refused += ipc_reply(rcvid, bad_tags[i]) == -EINVAL &&
			      ipc_reply_and_wait(rcvid, bad_tags[i], r->port) == -EINVAL;
	return ipc_reply(rcvid, RB_TAG(6, 0)) != 0;
}

void test_reserved_tag_bits_in_replies(void)
{
	struct replier r = { .port = rb_port_create() };
	long send = rb_port_mint(r.port, 0);
	int status = 1;

	r.thread = rb_thread_start(reply_badly_first, &r);
	rb_sleep_ns(20 * 1000000ull);
	long tag = ipc_call(send, RB_TAG(5, 1), 0);
	if (r.thread)
		rb_thread_wait(r.thread, &status);
	check(r.refused == BAD_TAGS, "ipc_reply and ipc_reply_and_wait with reserved bits are EINVAL");
	check(tag == (long)RB_TAG(6, 0) && status == 0, "the caller still gets the valid reply after them");
	rb_handle_close(send);
	rb_handle_close(r.port);
}

void test_bystander_still_served(void)
{
	long handle = bystander_handle();

	check(ipc_call(handle, RB_TAG(BYSTANDER_ECHO, 0), 0) == (long)RB_TAG(BYSTANDER_ECHO + 1, 0),
	      "after everything, the bystander's server answers");
	check(ipc_call(handle, RB_TAG(BYSTANDER_DONE, 0), 0) == (long)RB_TAG(BYSTANDER_DONE + 1, 0),
	      "and hears that the attacker is done");
	rb_handle_close(handle);
}
