/*
 * Stress clients: threads of one task, each calling the server `calls`
 * times and checking every reply (its own id and sequence number, the
 * label, the word count, every inverted word).
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "stress.h"

struct client {
	unsigned id;
	unsigned calls;
	long server;
	unsigned answered;
	unsigned wrong;
	long error;
};

static int reply_is_right(const struct rb_utcb *utcb, long tag, unsigned id, unsigned seq)
{
	unsigned words = stress_words(id, seq);

	if (tag != (long)RB_TAG(seq, words) || utcb->mr[0] != id || utcb->mr[1] != seq)
		return 0;
	for (unsigned i = 2; i < words; i++)
		if (utcb->mr[i] != ~stress_word(id, seq, i))
			return 0;
	return 1;
}

static int make_calls(void *arg)
{
	struct client *c = arg;
	struct rb_utcb *utcb = rb_utcb();

	for (unsigned seq = 1; seq <= c->calls; seq++) {
		unsigned words = stress_words(c->id, seq);
		utcb->mr[0] = c->id;
		utcb->mr[1] = seq;
		for (unsigned i = 2; i < words; i++)
			utcb->mr[i] = stress_word(c->id, seq, i);
		long tag = ipc_call(c->server, RB_TAG(STRESS_CALL, words), 0);
		if (tag < 0) {
			c->error = tag;
			return 1;
		}
		c->answered++;
		c->wrong += !reply_is_right(utcb, tag, c->id, seq);
	}
	return c->wrong != 0;
}

int stress_clients(int first, int count, int calls)
{
	static struct client clients[STRESS_CLIENTS_MAX];
	static struct rb_thread *threads[STRESS_CLIENTS_MAX];
	unsigned answered = 0, wrong = 0, errors = 0;
	char line[128];

	if (first < 0 || count < 1 || first + count > STRESS_CLIENTS_MAX || calls < 1) {
		fprintf(stderr, "ipc_stress clients: ids 0 to %d\n", STRESS_CLIENTS_MAX - 1);
		return 2;
	}
	long server = rb_ns_lookup_wait(STRESS_SERVICE, RB_SECONDS(10));
	if (!check(server > 0, "clients: found the server"))
		return tap_done();
	for (int i = 0; i < count; i++) {
		clients[i] = (struct client){ (unsigned)(first + i), (unsigned)calls, server, 0, 0, 0 };
		threads[i] = rb_thread_start(make_calls, &clients[i]);
	}
	for (int i = 0; i < count; i++) {
		if (threads[i])
			rb_thread_wait(threads[i], NULL);
		answered += clients[i].answered;
		wrong += clients[i].wrong;
		errors += !threads[i] || clients[i].error;
	}
	snprintf(line, sizeof line, "clients %d-%d: %u of %d calls answered", first,
		 first + count - 1, answered, count * calls);
	check(answered == (unsigned)(count * calls) && errors == 0, line);
	snprintf(line, sizeof line, "clients %d-%d: every reply reached its caller, right and whole",
		 first, first + count - 1);
	check(wrong == 0, line);
	return tap_done();
}
