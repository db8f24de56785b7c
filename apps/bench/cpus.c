/*
 * IPC across CPUs (docs/bench.md): ipc_call_cross_cpu, the round trip of
 * a client pinned to CPU 0 to an echo thread pinned to CPU 1; and
 * ipc_throughput_Ncpu, N independent client and echo thread pairs, pair i
 * pinned to CPU i, their calls counted over a fixed window and printed as
 * calls per million guest instructions (all CPUs' instructions: under
 * -icount the TSC counts every vCPU's).  A row that needs more CPUs than
 * the machine has is printed as skipped ("bench-skip NAME CPUS").
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "bench.h"

#define WINDOW_NS 20000000ull	/* the throughput window: 20 million instructions under -icount shift=0 */
#define PAIRS_MAX 4

/* The machine's CPUs: the ones a new thread may run on. */
static unsigned cpu_count(void)
{
	long mask = rb_thread_get_affinity(0);

	return mask > 0 ? (unsigned)__builtin_popcountl(mask) : 1;
}

static void skip(const char *name, unsigned cpus)
{
	printf("bench-skip %s %u\n", name, cpus);
}

/* A pair's echo thread: pinned to its CPU, then serving its port. */
struct pair {
	long port, handle;
	unsigned cpu;
	struct rb_thread *echo, *client;
	volatile unsigned long calls;
	long error;
};

static int pinned_echo(void *arg)
{
	struct pair *p = arg;
	long error = rb_thread_set_affinity(0, 1u << p->cpu);

	return error ? 1 : bench_echo_serve(p->port) < 0;
}

static bool pair_open(const char *name, struct pair *p, unsigned cpu)
{
	p->cpu = cpu;
	p->calls = 0;
	p->error = 0;
	p->client = NULL;
	p->port = rb_port_create();
	p->handle = p->port < 0 ? p->port : rb_port_mint(p->port, 0);
	p->echo = p->handle < 0 ? NULL : rb_thread_start(pinned_echo, p);
	if (p->port < 0 || p->handle < 0 || !p->echo) {
		bench_fail(name, "a port and its echo thread", p->port < 0 ? p->port : p->handle < 0 ? p->handle : -errno);
		return false;
	}
	return true;
}

static void pair_close(const char *name, struct pair *p)
{
	int status;
	long tag = ipc_call(p->handle, RB_TAG(BENCH_LABEL_QUIT, 0), 0);

	if (tag < 0 || rb_thread_wait(p->echo, &status) != 0 || status != 0)
		bench_fail(name, "the echo thread", tag < 0 ? tag : -EPIPE);
	rb_handle_close(p->handle);
	rb_port_destroy(p->port);
}

static long cross_handle;

static long cross_ping(void)
{
	return ipc_call(cross_handle, RB_TAG(BENCH_LABEL_PING, 1), 0);
}

void bench_ipc_cross_cpu(void)
{
	const char *name = "ipc_call_cross_cpu";
	static struct pair p;
	long all = rb_thread_get_affinity(0);

	if (cpu_count() < 2) {
		skip(name, 2);
		return;
	}
	if (!pair_open(name, &p, 1))
		return;
	long error = rb_thread_set_affinity(0, 1u << 0);
	cross_handle = p.handle;
	if (!error)
		error = bench_time(cross_ping);
	bench_finish(name, "ipc_call", error, 1);
	pair_close(name, &p);
	rb_thread_set_affinity(0, (uint32_t)all);
}

/* A pair's client: pinned to its CPU, calling until told to stop. */
static volatile bool clients_stop;

static int pinned_client(void *arg)
{
	struct pair *p = arg;

	p->error = rb_thread_set_affinity(0, 1u << p->cpu);
	while (!clients_stop && p->error >= 0) {
		p->error = ipc_call(p->handle, RB_TAG(BENCH_LABEL_PING, 1), 0);
		p->calls++;
	}
	return p->error < 0;
}

static unsigned long total_calls(const struct pair *pairs, unsigned n)
{
	unsigned long sum = 0;

	for (unsigned i = 0; i < n; i++)
		sum += pairs[i].calls;
	return sum;
}

/* N pairs for WINDOW_NS, after as long a warm-up; prints their calls per million instructions. */
static void throughput(const char *name, unsigned n)
{
	static struct pair pairs[PAIRS_MAX];
	unsigned opened = 0;

	if (cpu_count() < n) {
		skip(name, n);
		return;
	}
	clients_stop = false;
	while (opened < n && pair_open(name, &pairs[opened], opened)) {
		pairs[opened].client = rb_thread_start(pinned_client, &pairs[opened]);
		if (!pairs[opened].client) {
			bench_fail(name, "rb_thread_start", -errno);
			pair_close(name, &pairs[opened]);
			break;
		}
		opened++;
	}
	if (opened == n) {
		rb_sleep_ns(WINDOW_NS);	/* the warm-up: every pair pinned and calling */
		unsigned long before = total_calls(pairs, n);
		uint64_t start = bench_tsc();
		rb_sleep_ns(WINDOW_NS);
		uint64_t end = bench_tsc();
		unsigned long calls = total_calls(pairs, n) - before;
		unsigned long per_million = (unsigned long)(calls * 1000000ull / (end - start));
		printf("bench %s %lu %lu %lu 1\n", name, per_million, per_million, per_million);
	}
	clients_stop = true;
	for (unsigned i = 0; i < opened; i++) {
		int status;
		if (rb_thread_wait(pairs[i].client, &status) != 0 || status != 0)
			bench_fail(name, "a client", pairs[i].error < 0 ? pairs[i].error : -EPIPE);
		pair_close(name, &pairs[i]);
	}
}

void bench_ipc_throughput(void)
{
	throughput("ipc_throughput_1cpu", 1);
	throughput("ipc_throughput_2cpu", 2);
	throughput("ipc_throughput_4cpu", 4);
}
