/*
 * affinity CPUS: rb_thread_set_affinity, rb_thread_get_affinity and
 * rb_cpu_current on a machine of CPUS CPUs.  Their errors; a thread pinned
 * to CPU k runs only there; and threads that change their affinity between
 * IPC calls to a server that moves too, every reply accounted for.
 * Prints TAP.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

#define CLIENTS 8
#define CALLS 100		/* per client */
#define LABEL_CALL 1
#define LABEL_QUIT 2

/* A generator per thread (xorshift.h's is one per program). */
static uint32_t next_mask(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (uint32_t)(*s >> 32);
}

static unsigned cpus;		/* the machine's, from the command line */
static uint32_t all;		/* their mask */

static void test_errors(void)
{
	check(rb_thread_get_affinity(0) == all, "a thread may run on every CPU at first");
	check(rb_thread_set_affinity(0, 0) == -EINVAL, "no CPU: -EINVAL");
	check(rb_thread_set_affinity(0, ~all) == -EINVAL, "only CPUs that are not online: -EINVAL");
	check(rb_thread_get_affinity(0) == all, "a refused mask changes nothing");
	check(rb_thread_set_affinity(999999, all) == -ESRCH, "no such thread: -ESRCH (set)");
	check(rb_thread_get_affinity(999999) == -ESRCH, "no such thread: -ESRCH (get)");
	check(rb_thread_set_affinity(-1, all) == -ESRCH, "a negative id: -ESRCH");
	check(rb_thread_set_affinity(0, ~0u) == 0 && rb_thread_get_affinity(0) == all,
	      "bits of CPUs that are not online are dropped");
	long cpu = rb_cpu_current();
	check(cpu >= 0 && cpu < (long)cpus, "rb_cpu_current names one of the CPUs");
}

/* The pinned thread's report: every CPU it found itself on. */
struct pinned {
	unsigned cpu;
	uint32_t seen;
	long error;
};

static int pinned_main(void *arg)
{
	struct pinned *p = arg;

	p->error = rb_thread_set_affinity(0, 1u << p->cpu);
	for (int i = 0; i < 2000 && !p->error; i++) {
		p->seen |= 1u << rb_cpu_current();
		if (i % 16 == 0)
			rb_yield();
	}
	return 0;
}

static void test_pinned(void)
{
	static struct pinned p[32];
	static struct rb_thread *t[32];

	for (unsigned k = 0; k < cpus; k++) {
		p[k].cpu = k;
		t[k] = rb_thread_start(pinned_main, &p[k]);
	}
	for (unsigned k = 0; k < cpus; k++) {
		int status = -1;
		check(t[k] && rb_thread_wait(t[k], &status) == 0 && status == 0 && !p[k].error,
		      "a pinned thread ran and ended");
		check(p[k].seen == 1u << k, "a thread pinned to CPU k ran on CPU k only");
	}
	/* The caller pins itself: it is on that CPU when the call returns. */
	int here = 1;
	for (unsigned k = 0; k < cpus; k++) {
		here &= rb_thread_set_affinity(0, 1u << k) == 0 && rb_cpu_current() == k;
		rb_yield();
		here &= rb_cpu_current() == k && rb_thread_get_affinity(0) == 1u << k;
	}
	check(here, "pinning itself, the caller runs on that CPU when the call returns");
	check(rb_thread_set_affinity(0, all) == 0, "back to every CPU");
}

/* The server: replies value + 1; moves to a random CPU set every 7 calls. */
static long port, handle;
static volatile long served;

static int server_main(void *arg)
{
	(void)arg;
	uint64_t rng = 0x5eed;
	long tag = ipc_wait(port, 0);

	while (tag >= 0 && RB_TAG_LABEL(tag) == LABEL_CALL) {
		rb_utcb()->mr[0] += 1;
		if (++served % 7 == 0)
			rb_thread_set_affinity(0, next_mask(&rng) & all ? : all);
		tag = ipc_reply_and_wait(rb_utcb()->rcvid, RB_TAG(LABEL_CALL, 1), port);
	}
	if (tag >= 0)
		ipc_reply(rb_utcb()->rcvid, 0);
	return tag < 0;
}

struct client {
	unsigned id;
	long answered, wrong, errors, moves;
	uint32_t seen;
};

static int client_main(void *arg)
{
	struct client *c = arg;
	uint64_t rng = 0x1234567 + c->id;

	for (int i = 0; i < CALLS; i++) {
		uint32_t mask = next_mask(&rng) & all;
		if (mask && rb_thread_set_affinity(0, mask) == 0)
			c->moves++;
		c->seen |= 1u << rb_cpu_current();
		uint64_t value = ((uint64_t)c->id << 32) | (uint64_t)i;
		rb_utcb()->mr[0] = value;
		long tag = ipc_call(handle, RB_TAG(LABEL_CALL, 1), 0);
		if (tag < 0)
			c->errors++;
		else if (rb_utcb()->mr[0] != value + 1)
			c->wrong++;
		else
			c->answered++;
	}
	return 0;
}

static void test_migrating_calls(void)
{
	static struct client c[CLIENTS];
	static struct rb_thread *t[CLIENTS];

	port = rb_port_create();
	handle = port >= 0 ? rb_port_mint(port, 0) : port;
	check(port >= 0 && handle >= 0, "a port and a send handle");
	struct rb_thread *server = rb_thread_start(server_main, NULL);
	for (unsigned i = 0; i < CLIENTS; i++) {
		c[i].id = i;
		t[i] = rb_thread_start(client_main, &c[i]);
	}
	long answered = 0, wrong = 0, errors = 0, moves = 0, ended = 0;
	uint32_t seen = 0;
	for (unsigned i = 0; i < CLIENTS; i++) {
		int status = -1;
		ended += t[i] && rb_thread_wait(t[i], &status) == 0 && status == 0;
		answered += c[i].answered;
		wrong += c[i].wrong;
		errors += c[i].errors;
		moves += c[i].moves;
		seen |= c[i].seen;
	}
	check(ended == CLIENTS, "every client ended");
	check(answered == CLIENTS * CALLS, "every call answered");
	check(wrong == 0 && errors == 0, "no wrong reply, no failed call");
	check(served == CLIENTS * CALLS, "the server saw every call once");
	check(moves > CALLS, "the clients changed their affinity between calls");
	check(seen == all, "the clients ran on every CPU");
	rb_utcb()->mr[0] = 0;
	int status = -1;
	check(ipc_call(handle, RB_TAG(LABEL_QUIT, 0), 0) >= 0 && server &&
	      rb_thread_wait(server, &status) == 0 && status == 0, "the server ended cleanly");
}

static const struct tap_test tests[] = {
	{ test_errors, "errors" },
	{ test_pinned, "pinned threads" },
	{ test_migrating_calls, "threads that migrate while calling" },
};

int main(int argc, char **argv)
{
	cpus = argc == 2 ? (unsigned)atoi(argv[1]) : 0;
	if (cpus < 1 || cpus > 32)
		return 2;
	all = cpus == 32 ? ~0u : (1u << cpus) - 1;
	return TAP_RUN(tests);
}
