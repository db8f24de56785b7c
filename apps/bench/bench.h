/*
 * bench: guest instruction counts of Rainbow's basic operations.
 *
 * Under QEMU's -icount shift=0 the TSC advances by one per retired guest
 * instruction, so the difference of two rdtsc readings is the exact number
 * of instructions in between, user and kernel together.  Each operation is
 * timed on its own, after a warm-up; the cost of an empty rdtsc pair is
 * subtracted; the median, minimum and maximum of the samples are printed as
 *   bench NAME MEDIAN MIN MAX SAMPLES
 * for mk/bench to read.  docs/bench.md says what each figure covers.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#define BENCH_WARMUP  200
#define BENCH_SAMPLES 2001	/* odd, so the median is one of the samples */

/* Labels of the messages the echo server understands. */
#define BENCH_LABEL_PING 1	/* sent back unchanged */
#define BENCH_LABEL_QUIT 2	/* answered, then the server returns */

/* Name the server task publishes its echo port under. */
#define BENCH_SERVICE "bench.echo"

extern uint64_t bench_samples[BENCH_SAMPLES];

/*
 * The TSC, combined into one register inside the asm so that the code
 * between two readings has the same shape whatever is timed.  No lfence:
 * under -icount instructions retire in order and the count is exact.
 */
static inline uint64_t bench_tsc(void)
{
	uint64_t tsc;

	__asm__ volatile("rdtsc\n\tshlq $32, %%rdx\n\torq %%rdx, %%rax"
			 : "=a"(tsc) : : "rdx", "memory");
	return tsc;
}

/*
 * Runs op BENCH_WARMUP times untimed, then BENCH_SAMPLES times, each one
 * between two TSC readings, into bench_samples.  Returns 0, or op's first
 * negative result (and stops there).  Always inlined, so that op, known at
 * each call site, becomes a direct call.
 */
static inline __attribute__((always_inline)) long bench_time(long (*op)(void))
{
	for (unsigned i = 0; i < BENCH_WARMUP + BENCH_SAMPLES; i++) {
		uint64_t start = bench_tsc();
		long result = op();
		uint64_t end = bench_tsc();

		if (result < 0)
			return result;
		if (i >= BENCH_WARMUP)
			bench_samples[i - BENCH_WARMUP] = end - start;
	}
	return 0;
}

/* Measures the empty rdtsc pair that bench_report() subtracts. */
void bench_measure_overhead(void);

/*
 * Prints name's line from bench_samples, each sample less the empty pair
 * and divided by ops_per_sample (rounded down).
 */
void bench_report(const char *name, unsigned ops_per_sample);

/* Prints "bench-error NAME: WHAT: ERROR" and makes the app fail. */
void bench_fail(const char *name, const char *what, long error);

/*
 * What follows a bench_time(): name's line when error is 0 (the operation
 * done ops_per_sample times a sample), else the failure of what.
 */
void bench_finish(const char *name, const char *what, long error, unsigned ops_per_sample);

/* Whether bench_fail() was called. */
int bench_failed(void);

void bench_null_syscall(void);
void bench_vdso_clock(void);
void bench_thread_switch(void);
void bench_ipc_intra_as(void);
/* ipc_call_inter_as, and its _8w and _64w rows. */
void bench_ipc_inter_as(void);
void bench_ipc_contended(void);
/* cpus.c: ipc_call_cross_cpu, and ipc_throughput_1cpu, _2cpu, _4cpu (skipped without the CPUs). */
void bench_ipc_cross_cpu(void);
void bench_ipc_throughput(void);
void bench_mem_map_unmap(void);
void bench_mem_map_unmap_busy(void);
void bench_mem_map_64m(void);
void bench_mem_first_touch(void);
/* mutex_uncontended, condvar_pingpong and thread_create_join. */
void bench_pthread(void);
void bench_getentropy_32(void);
/* spawn_wait: rb_task_spawn of apps/true + rb_task_wait. */
void bench_spawn_wait(void);
/* file_read_4k and file_write_4k, through the file server. */
void bench_files(void);
/* The scale rows: threads, ports, handles and names at 10 and at 5,000 (object_ops.c). */
void bench_objects(void);

/* Answers messages on port (an owner handle) until BENCH_LABEL_QUIT. */
long bench_echo_serve(long port);

/* The server task: publishes an echo port as BENCH_SERVICE and serves it. */
int bench_server_main(void);

#endif
