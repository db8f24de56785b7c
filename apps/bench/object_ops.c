/*
 * Kernel objects at scale: each operation timed first with few objects of
 * its kind alive, then with thousands, so that growth would show (it must
 * not: docs/bench.md).  The rows, each printed as NAME_10 and NAME_5000:
 *   thread_create_join   pthread_create + pthread_join of a thread that
 *                        returns at once, with that many other threads alive
 *   rb_thread_create_join  the same through the raw calls, on a small stack:
 *                        the kernel's part alone
 *   futex_wake           rb_futex_wake of an address nobody waits on, with
 *                        that many threads of the task waiting on another
 *   sleep_wake           a round of two threads handing a turn to each other
 *                        through rb_futex_wait with a deadline two hours
 *                        away and rb_futex_wake (two sleeps on the kernel's
 *                        sleep wheel, each ended by a wake), with that many
 *                        threads of the task asleep until an hour from now
 *   port_create_close    rb_port_create + rb_handle_close of its owner handle,
 *                        with that many other ports alive
 *   handle_mint_close    rb_port_mint + rb_handle_close, with that many other
 *                        handles open
 *   ns_register          rb_ns_register of a new name (the registry grows by
 *                        one name a sample, from that many)
 *   ns_lookup            rb_ns_lookup + rb_handle_close, with that many names
 * The threads held alive are raw threads on small stacks waiting on a futex
 * with a deadline an hour away, so they sleep on the sleep wheel too, and
 * come due before sleep_wake's deadlines (a list sorted by deadline would
 * be walked past all of them at each of sleep_wake's sleeps).
 */
#include <pthread.h>
#include <stdio.h>

#include <rainbow/ipc.h>
#include <rainbow/page.h>
#include <rainbow/syscall.h>

#include "bench.h"

#define SMALL 10
#define LARGE 5000
#define STACK_WORDS 64
#define NAMES (BENCH_WARMUP + BENCH_SAMPLES)
#define HOUR_NS (3600ull * 1000000000ull)

static uint64_t stacks[LARGE + 1][STACK_WORDS] __attribute__((aligned(16)));
static long held[LARGE];
static int nheld;
static volatile uint32_t release;

static void waiter(void *arg)
{
	(void)arg;
	while (!release)
		rb_futex_wait(&release, 0, RB_FUTEX_DEADLINE, rb_clock_monotonic_ns() + HOUR_NS);
	rb_thread_exit(0);
}

static void quick(void *arg)
{
	(void)arg;
	rb_thread_exit(0);
}

/* Raw threads waiting until threads_let_go: 0, or rb_thread_create's error. */
static long threads_hold(int n)
{
	release = 0;
	for (nheld = 0; nheld < n; nheld++) {
		long tid = rb_thread_create(waiter, 0, &stacks[nheld][STACK_WORDS - 1], 0);
		if (tid < 0)
			return tid;
		held[nheld] = tid;
	}
	return 0;
}

static void threads_let_go(void)
{
	release = 1;
	rb_futex_wake(&release, RB_FUTEX_WAKE_ALL);
	for (int i = 0; i < nheld; i++)
		rb_thread_join(held[i], NULL);
	nheld = 0;
}

static void *nothing(void *unused)
{
	return unused;
}

static long pthread_create_join(void)
{
	pthread_t t;
	int e = pthread_create(&t, NULL, nothing, NULL);

	if (e)
		return -e;
	return -pthread_join(t, NULL);
}

static long raw_create_join(void)
{
	long tid = rb_thread_create(quick, 0, &stacks[LARGE][STACK_WORDS - 1], 0);

	return tid < 0 ? tid : rb_thread_join(tid, NULL);
}

static volatile uint32_t nobody;
static long futex_wake_none(void)
{
	return rb_futex_wake(&nobody, 1);
}

/* sleep_wake: whose turn it is (TURN_*), and the partner thread's stack. */
enum { TURN_TIMED, TURN_PARTNER, TURN_STOP };
static volatile uint32_t turn;
static uint64_t partner_stack[512] __attribute__((aligned(16)));

/* Waits while turn is still mine, on a deadline two hours away. */
static void wait_turn(uint32_t mine)
{
	while (turn == mine)
		rb_futex_wait(&turn, mine, RB_FUTEX_DEADLINE, rb_clock_monotonic_ns() + 2 * HOUR_NS);
}

static void partner(void *arg)
{
	(void)arg;
	for (;;) {
		wait_turn(TURN_TIMED);
		if (turn == TURN_STOP)
			break;
		turn = TURN_TIMED;
		rb_futex_wake(&turn, 1);
	}
	rb_thread_exit(0);
}

static long sleep_wake(void)
{
	turn = TURN_PARTNER;
	rb_futex_wake(&turn, 1);
	wait_turn(TURN_PARTNER);
	return 0;
}

/* sleep_wake's samples, between the partner's start and end. */
static long time_sleep_wake(void)
{
	turn = TURN_TIMED;
	long tid = rb_thread_create(partner, 0, &partner_stack[511], 0);
	if (tid < 0)
		return tid;
	long error = bench_time(sleep_wake);
	turn = TURN_STOP;
	rb_futex_wake(&turn, 1);
	rb_thread_join(tid, NULL);
	return error;
}

static long port;		/* the owner handle minted from */
static long port_create_close(void)
{
	long p = rb_port_create();

	return p < 0 ? p : rb_handle_close(p);
}

static long mint_close(void)
{
	long h = rb_port_mint(port, 1);

	return h < 0 ? h : rb_handle_close(h);
}

static char names[NAMES][16];
static unsigned next_name;
static long send;		/* the handle the names are registered for */
static long ns_register(void)
{
	return rb_ns_register(names[next_name++], send);
}

static long ns_lookup(void)
{
	long h = rb_ns_lookup("bench.object.0");

	return h < 0 ? h : rb_handle_close(h);
}

/* "NAME_COUNT". */
static const char *row(const char *name, int count)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "%s_%d", name, count);
	return buf;
}

/* handles[] open at once: the port's, and count - 1 minted ones. */
static long open_handles(long *handles, int count, long (*make)(void))
{
	for (int i = 0; i < count; i++)
		if ((handles[i] = make()) < 0)
			return handles[i];
	return 0;
}

static long make_port(void)
{
	return rb_port_create();
}

static long make_minted(void)
{
	return rb_port_mint(port, 2);
}

static void close_handles(long *handles, int count)
{
	for (int i = 0; i < count; i++)
		if (handles[i] > 0)
			rb_handle_close(handles[i]);
}

static void bench_at(int count)
{
	static long handles[LARGE];
	long error = threads_hold(count);

	if (!error)
		error = bench_time(pthread_create_join);
	bench_finish(row("thread_create_join", count), "pthread_create or pthread_join", error, 1);
	error = bench_time(raw_create_join);
	bench_finish(row("rb_thread_create_join", count), "rb_thread_create or rb_thread_join", error, 1);
	error = bench_time(futex_wake_none);
	bench_finish(row("futex_wake", count), "rb_futex_wake", error, 1);
	error = time_sleep_wake();
	bench_finish(row("sleep_wake", count), "rb_thread_create, rb_futex_wait or rb_futex_wake", error, 1);
	threads_let_go();

	error = open_handles(handles, count, make_port);
	if (!error)
		error = bench_time(port_create_close);
	bench_finish(row("port_create_close", count), "rb_port_create or rb_handle_close", error, 1);
	close_handles(handles, count);

	port = rb_port_create();
	error = port < 0 ? port : open_handles(handles, count, make_minted);
	if (!error)
		error = bench_time(mint_close);
	bench_finish(row("handle_mint_close", count), "rb_port_mint or rb_handle_close", error, 1);
	close_handles(handles, count);

	/* count names, then one more a sample; they go with the port. */
	send = port < 0 ? port : rb_port_mint(port, 3);
	error = send;
	for (int i = 0; i < count && error > 0; i++) {
		char name[24];
		snprintf(name, sizeof name, "bench.object.%d", i);
		error = rb_ns_register(name, send) ?: error;
	}
	if (error > 0)
		error = bench_time(ns_lookup);
	bench_finish(row("ns_lookup", count), "rb_ns_register or rb_ns_lookup", error < 0 ? error : 0, 1);
	for (unsigned i = 0; i < NAMES; i++)
		snprintf(names[i], sizeof names[i], "bench.n%u", i);
	next_name = 0;
	error = error < 0 ? error : bench_time(ns_register);
	bench_finish(row("ns_register", count), "rb_ns_register", error, 1);
	rb_handle_close(send);
	rb_handle_close(port);		/* the port, and every name with it */
}

void bench_objects(void)
{
	bench_at(SMALL);
	bench_at(LARGE);
}
