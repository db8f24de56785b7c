/*
 * Statistics and output: the empty rdtsc pair, medians, error lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

uint64_t bench_samples[BENCH_SAMPLES];

static uint64_t rdtsc_pair;	/* instructions of an empty pair, subtracted */
static int failures;

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static uint64_t sorted_median(void)
{
	qsort(bench_samples, BENCH_SAMPLES, sizeof bench_samples[0], compare_u64);
	return bench_samples[BENCH_SAMPLES / 2];
}

void bench_measure_overhead(void)
{
	for (unsigned i = 0; i < BENCH_WARMUP + BENCH_SAMPLES; i++) {
		uint64_t start = bench_tsc();
		uint64_t end = bench_tsc();

		if (i >= BENCH_WARMUP)
			bench_samples[i - BENCH_WARMUP] = end - start;
	}
	rdtsc_pair = sorted_median();
	printf("bench-baseline rdtsc_pair %llu\n", (unsigned long long)rdtsc_pair);
}

/* A sample never holds less than the pair itself; clamp in case it would. */
static unsigned long long per_op(uint64_t sample, unsigned ops_per_sample)
{
	return (sample > rdtsc_pair ? sample - rdtsc_pair : 0) / ops_per_sample;
}

void bench_report(const char *name, unsigned ops_per_sample)
{
	uint64_t median = sorted_median();

	printf("bench %s %llu %llu %llu %u\n", name, per_op(median, ops_per_sample),
	       per_op(bench_samples[0], ops_per_sample),
	       per_op(bench_samples[BENCH_SAMPLES - 1], ops_per_sample), BENCH_SAMPLES);
}

void bench_fail(const char *name, const char *what, long error)
{
	printf("bench-error %s: %s: %s\n", name, what, strerror((int)-error));
	failures++;
}

void bench_finish(const char *name, const char *what, long error, unsigned ops_per_sample)
{
	if (error)
		bench_fail(name, what, error);
	else
		bench_report(name, ops_per_sample);
}

int bench_failed(void)
{
	return failures != 0;
}
