/*
 * fuzz_canary SECONDS: the task beside the system-call fuzzers that must
 * come through unharmed.  It keeps a pattern in its image and in an
 * anonymous mapping, runs its own server thread on a port published as
 * "fuzz.canary" (the fuzzers look it up and send it junk), and for SECONDS
 * of the monotonic clock calls that server, sleeps 1 ms and checks the
 * clock.  At the end it checks, as TAP: the memory still holds its pattern,
 * every call to its server got the right answer, the server's receives
 * never failed, and the clock never went back and slept as asked.  The
 * server thread never ends: returning from main ends the task with it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define ANON_BYTES (64ul << 10)
#define SLEEP_NS   1000000ull

static unsigned seconds = 5;
static uint64_t image_words[1024];
static uint64_t *anon_words;
static long port, send_handle;
static unsigned long rounds, bad_replies, server_errors, served, clock_faults;
static char server_stack[16384] __attribute__((aligned(16)));

static uint64_t pattern(const uint64_t *where)
{
	return (uint64_t)(uintptr_t)where * 0x9e3779b97f4a7c15ull;
}

static void fill(uint64_t *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		words[i] = pattern(&words[i]);
}

static int intact(const uint64_t *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (words[i] != pattern(&words[i]))
			return 0;
	return 1;
}

/* Answers every message with its first word plus one; never stops. */
static void server(void *arg)
{
	struct rb_utcb *u = rb_utcb();
	long tag = ipc_wait(port, 0);

	(void)arg;
	for (;;) {
		if (tag < 0) {
			server_errors++;
			tag = ipc_wait(port, 0);
			continue;
		}
		served++;
		u->mr[0]++;
		tag = ipc_reply_and_wait(u->rcvid, RB_TAG(0, 1), port);
	}
}

static void one_round(void)
{
	struct rb_utcb *u = rb_utcb();
	uint64_t before, after;

	u->mr[0] = rounds;
	if (ipc_call(send_handle, RB_TAG(1, 1), 0) < 0 || u->mr[0] != rounds + 1)
		bad_replies++;
	before = rb_clock_monotonic_ns();
	rb_sleep_ns(SLEEP_NS);
	after = rb_clock_monotonic_ns();
	if (after < before + SLEEP_NS)
		clock_faults++;
	rounds++;
}

static void starts(void)
{
	long anon = rb_mem_map(NULL, ANON_BYTES, RB_PROT_READ | RB_PROT_WRITE);

	fill(image_words, sizeof image_words / sizeof image_words[0]);
	if (anon > 0) {
		anon_words = (uint64_t *)anon;
		fill(anon_words, ANON_BYTES / sizeof(uint64_t));
	}
	port = rb_port_create();
	send_handle = rb_port_mint(port, 7);
	check(anon > 0 && port > 0 && send_handle > 0, "canary: memory, port and handle made");
	check(rb_ns_register("fuzz.canary", send_handle) == 0, "canary: published as fuzz.canary");
	check(rb_thread_create(server, NULL, server_stack + sizeof server_stack, NULL) > 0,
	      "canary: its server thread runs");
}

static void stays_right(void)
{
	uint64_t start = rb_clock_monotonic_ns(), end = start + seconds * 1000000000ull, last = start, now;

	do {
		one_round();
		now = rb_clock_monotonic_ns();
		if (now < last)
			clock_faults++;
		last = now;
	} while (now < end);
	printf("# canary: %lu rounds, its server answered %lu messages (the fuzzers' too)\n",
	       rounds, served);
	check(intact(image_words, sizeof image_words / sizeof image_words[0]),
	      "canary: its image's memory holds its pattern");
	check(anon_words && intact(anon_words, ANON_BYTES / sizeof(uint64_t)),
	      "canary: its anonymous memory holds its pattern");
	check(rounds > 0 && bad_replies == 0, "canary: every call to its own server got the right answer");
	check(server_errors == 0, "canary: its server's receives never failed");
	check(clock_faults == 0, "canary: the clock never went back and every 1 ms sleep lasted 1 ms");
}

static const struct tap_test tests[] = {
	{ starts, "the canary sets up" },
	{ stays_right, "the canary comes through unharmed" },
};

int main(int argc, char **argv)
{
	if (argc > 1)
		seconds = (unsigned)atoi(argv[1]);
	return TAP_RUN(tests);
}
