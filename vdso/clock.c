/*
 * Clocks read from the data page, without entering the kernel.
 * Their meaning is documented in <rainbow/syscall.h>.
 */
#include <errno.h>

#include <rainbow/syscall.h>

#include "data_page.h"

#define NS_PER_SEC 1000000000

/* Monotonic time from one snapshot of the page; call inside a read section. */
static inline uint64_t monotonic_ns(const struct rb_vdso_data *d)
{
	uint64_t ticks;

	/* lfence: the TSC is read after the sequence number, not before. */
	__builtin_ia32_lfence();
	ticks = __builtin_ia32_rdtsc() - d->tsc_base;
	/* A CPU whose TSC lags the one that took tsc_base must not go back. */
	if ((int64_t)ticks < 0)
		ticks = 0;
	return d->ns_base +
	       (uint64_t)(((unsigned __int128)ticks * d->tsc_to_ns_mult) >> 32);
}

uint64_t rb_clock_monotonic_ns(void)
{
	const struct rb_vdso_data *d = &rb_vdso_data_page;
	uint32_t seq;
	uint64_t ns;

	do {
		seq = data_read_begin(d);
		ns = monotonic_ns(d);
	} while (data_read_retry(d, seq));
	return ns;
}

/* Floors towards minus infinity so that tv_nsec is never negative. */
static void ns_to_timespec(int64_t ns, struct rb_timespec *ts)
{
	int64_t sec = ns / NS_PER_SEC;
	int64_t rest = ns % NS_PER_SEC;

	if (rest < 0) {
		sec -= 1;
		rest += NS_PER_SEC;
	}
	ts->tv_sec = sec;
	ts->tv_nsec = rest;
}

long rb_clock_gettime(int clock, struct rb_timespec *ts)
{
	const struct rb_vdso_data *d = &rb_vdso_data_page;
	uint32_t seq;
	int64_t ns;

	if (clock != RB_CLOCK_REALTIME && clock != RB_CLOCK_MONOTONIC)
		return -EINVAL;
	do {
		seq = data_read_begin(d);
		ns = (int64_t)monotonic_ns(d);
		if (clock == RB_CLOCK_REALTIME)
			ns += d->realtime_offset_ns;
	} while (data_read_retry(d, seq));
	ns_to_timespec(ns, ts);
	return 0;
}
