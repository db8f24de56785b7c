/*
 * The stress server: RECEIVERS threads take calls from one port, check
 * each request against what its client must send next, and answer it.
 * The thread that takes the last expected call stops the others with one
 * call each through a handle only the server holds, so every thread ends
 * between two replies.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "stress.h"

#define RECEIVERS 4

struct receiver {
	long calls;
	long wrong;
	long error;
	struct rb_thread *thread;
};

static struct receiver receivers[RECEIVERS];
static long port, quit;
static unsigned clients, calls_each;
static int below;			/* receivers one priority below the clients */
static unsigned last_seq[STRESS_CLIENTS_MAX];	/* a client's calls come one at a time */
static atomic_long received;

static int request_is_right(const struct rb_utcb *utcb, long tag)
{
	unsigned id = (unsigned)utcb->mr[0], seq = (unsigned)utcb->mr[1];

	if (utcb->badge != STRESS_BADGE || RB_TAG_LABEL(tag) != STRESS_CALL || id >= clients ||
	    seq != last_seq[id] + 1 || RB_TAG_WORDS(tag) != stress_words(id, seq))
		return 0;
	last_seq[id] = seq;
	for (unsigned i = 2; i < RB_TAG_WORDS(tag); i++)
		if (utcb->mr[i] != stress_word(id, seq, i))
			return 0;
	return 1;
}

/* The reply, in place: label seq, the words after id and seq inverted. */
static uint64_t answer(struct rb_utcb *utcb, long tag)
{
	for (unsigned i = 2; i < RB_TAG_WORDS(tag); i++)
		utcb->mr[i] = ~utcb->mr[i];
	return RB_TAG(utcb->mr[1], RB_TAG_WORDS(tag));
}

/* Every call is in; the other receivers each take one quit call and end. */
static long stop_the_others(void)
{
	for (int i = 1; i < RECEIVERS; i++) {
		long tag = ipc_call(quit, RB_TAG(0, 0), 0);
		if (tag != 0)
			return tag < 0 ? tag : -EPROTO;
	}
	return 0;
}

static int receive(void *arg)
{
	struct receiver *r = arg;
	struct rb_utcb *utcb = rb_utcb();
	long tag = below ? rb_thread_set_priority(0, RB_PRIORITY_DEFAULT - 1) : 0;

	if (tag == 0)
		tag = ipc_wait(port, 0);

	for (;;) {
		if (tag < 0) {
			r->error = tag;
			return 1;
		}
		if (utcb->badge == STRESS_QUIT_BADGE)
			return (r->error = ipc_reply(utcb->rcvid, RB_TAG(0, 0))) != 0;
		r->calls++;
		r->wrong += !request_is_right(utcb, tag);
		uint64_t reply = answer(utcb, tag);
		if (atomic_fetch_add(&received, 1) + 1 == (long)clients * calls_each) {
			r->error = ipc_reply(utcb->rcvid, reply);
			if (r->error == 0)
				r->error = stop_the_others();
			return r->error != 0;
		}
		tag = ipc_reply_and_wait(utcb->rcvid, reply, port);
	}
}

static long publish(void)
{
	long send = rb_port_mint(port, STRESS_BADGE);

	quit = rb_port_mint(port, STRESS_QUIT_BADGE);
	if (send < 0 || quit < 0)
		return send < 0 ? send : quit;
	return rb_ns_register(STRESS_SERVICE, send);
}

static void report(uint64_t ns)
{
	long calls = 0, wrong = 0, errors = 0;
	unsigned complete = 0;
	char line[96];

	for (int i = 0; i < RECEIVERS; i++) {
		calls += receivers[i].calls;
		wrong += receivers[i].wrong;
		errors += receivers[i].error != 0;
	}
	for (unsigned id = 0; id < clients; id++)
		complete += last_seq[id] == calls_each;
	snprintf(line, sizeof line, "server: %ld calls answered by %d threads%s, %ld expected", calls,
		 RECEIVERS, below ? " below their clients" : "", (long)clients * calls_each);
	check(calls == (long)clients * calls_each && errors == 0, line);
	check(wrong == 0, "server: every request came from its client with its next sequence number");
	snprintf(line, sizeof line, "server: all %u clients made all %u calls", clients, calls_each);
	check(complete == clients, line);
	printf("ipc_stress server: %ld calls in %llu ms (receivers:", calls,
	       (unsigned long long)(ns / 1000000));
	for (int i = 0; i < RECEIVERS; i++)
		printf(" %ld", receivers[i].calls);
	printf(")\n");
}

int stress_server(int nclients, int calls, int receivers_below)
{
	below = receivers_below;
	if (nclients < 1 || nclients > STRESS_CLIENTS_MAX || calls < 1) {
		fprintf(stderr, "ipc_stress server: 1 to %d clients\n", STRESS_CLIENTS_MAX);
		return 2;
	}
	clients = (unsigned)nclients;
	calls_each = (unsigned)calls;
	port = rb_port_create();
	if (port < 0 || publish() < 0) {
		check(0, "server: port published");
		return tap_done();
	}
	uint64_t start = rb_clock_monotonic_ns();
	for (int i = 0; i < RECEIVERS; i++)
		receivers[i].thread = rb_thread_start(receive, &receivers[i]);
	for (int i = 0; i < RECEIVERS; i++)
		if (receivers[i].thread)
			rb_thread_wait(receivers[i].thread, NULL);
		else
			receivers[i].error = -ENOMEM;
	report(rb_clock_monotonic_ns() - start);
	rb_port_destroy(port);
	return tap_done();
}
