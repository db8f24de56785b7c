/*
 * What several test_ipc cases share: ports with a send handle, register
 * patterns, an echo server thread, and threads that block in one call.
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/syscall.h>

#include "test_ipc.h"

struct channel channel_open(uint64_t badge)
{
	struct channel c = { rb_port_create(), -1 };

	if (c.port > 0)
		c.send = rb_port_mint(c.port, badge);
	return c;
}

void channel_close(struct channel c)
{
	rb_port_destroy(c.port);
	rb_handle_close(c.send);
	rb_handle_close(c.port);
}

uint64_t pattern(uint64_t seed, unsigned i)
{
	return seed * 0x9e3779b97f4a7c15ull + i;
}

void fill_mrs(uint64_t *mr, uint64_t seed)
{
	for (unsigned i = 0; i < RB_IPC_MRS; i++)
		mr[i] = pattern(seed, i);
}

int mrs_match(const uint64_t *mr, unsigned from, unsigned to, uint64_t seed, uint64_t flip)
{
	for (unsigned i = from; i < to; i++)
		if (mr[i] != (pattern(seed, i) ^ flip))
			return 0;
	return 1;
}

static int echo_serve(void *arg)
{
	struct echo *e = arg;
	struct rb_utcb *utcb = rb_utcb();

	for (int i = 0; i < e->messages; i++) {
		fill_mrs(utcb->mr, ECHO_FILL);
		long tag = ipc_wait(e->port, 0);
		if (tag < 0) {
			e->error = tag;
			return 1;
		}
		e->tag[i] = tag;
		e->badge[i] = utcb->badge;
		for (unsigned w = 0; w < RB_IPC_MRS; w++)
			e->seen[w] = utcb->mr[w];
		for (unsigned w = 0; w < RB_TAG_WORDS(tag); w++)
			utcb->mr[w] ^= ECHO_FLIP;
		long replied = ipc_reply(utcb->rcvid, RB_TAG(RB_TAG_LABEL(tag) + 1, RB_TAG_WORDS(tag)));
		if (replied < 0) {
			e->error = replied;
			return 1;
		}
	}
	return 0;
}

void echo_start(struct echo *e, long port, int messages)
{
	*e = (struct echo){ .port = port, .messages = messages };
	e->thread = rb_thread_start(echo_serve, e);
	if (!e->thread)
		e->error = -errno;
}

int echo_finish(struct echo *e)
{
	int status = 1;

	if (e->thread)
		rb_thread_wait(e->thread, &status);
	return status == 0 && e->error == 0;
}

int echo_call(long handle, uint64_t label, unsigned words, uint64_t seed)
{
	struct rb_utcb *utcb = rb_utcb();

	fill_mrs(utcb->mr, seed);
	long tag = ipc_call(handle, RB_TAG(label, words), 0);
	return tag == (long)RB_TAG(label + 1, words) &&
	       mrs_match(utcb->mr, 0, words, seed, ECHO_FLIP);
}


static int call_once(void *arg)
{
	struct blocked *b = arg;

	b->result = ipc_call(b->handle, RB_TAG(1, 0), 0);
	return 0;
}

static int wait_once(void *arg)
{
	struct blocked *b = arg;

	b->result = ipc_wait(b->handle, 0);
	return 0;
}

static void start_blocked(struct blocked *b, long handle, int (*fn)(void *))
{
	*b = (struct blocked){ .handle = handle, .result = 1 };
	b->thread = rb_thread_start(fn, b);
	if (!b->thread)
		b->result = -errno;
}

void call_in_thread(struct blocked *b, long handle)
{
	start_blocked(b, handle, call_once);
}

void wait_in_thread(struct blocked *b, long port)
{
	start_blocked(b, port, wait_once);
}

long blocked_result(struct blocked *b)
{
	if (b->thread)
		rb_thread_wait(b->thread, NULL);
	return b->result;
}

void let_others_block(void)
{
	rb_sleep_ns(20000000);
}
