/*
 * The time of day and the monotonic clock, read from the vDSO without
 * entering the kernel, and CPU time, which the kernel keeps
 * (rb_cpu_time_ns).  time() is picolibc's, over gettimeofday().
 * CLOCK_MONOTONIC exists because rainbow.specs defines
 * _POSIX_MONOTONIC_CLOCK, the CPU-time clock ids because it defines them
 * (docs/sdk.md); the Linux names need _GNU_SOURCE.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/time.h>
#include <time.h>

#include <rainbow/syscall.h>

#include "glue.h"

#define NS_PER_SECOND 1000000000L

/* The Rainbow clock behind a POSIX clock id, or -1 if there is none. */
static int rainbow_clock(clockid_t id)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return RB_CLOCK_REALTIME;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return RB_CLOCK_MONOTONIC;
	default:
		return -1;
	}
}

/* The rb_cpu_time_ns() subject behind a POSIX CPU-time clock id, or -1. */
static int cpu_subject(clockid_t id)
{
	switch (id) {
	case CLOCK_PROCESS_CPUTIME_ID:
		return RB_CPU_TASK;
	case CLOCK_THREAD_CPUTIME_ID:
		return RB_CPU_THREAD;
	default:
		return -1;
	}
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	int clock = rainbow_clock(id), cpu = cpu_subject(id);
	struct rb_timespec now;
	long r;

	if (cpu >= 0) {
		r = rb_cpu_time_ns(cpu);
		if (r < 0)
			return __rb_syscall_ret(r);
		ts->tv_sec = r / NS_PER_SECOND;
		ts->tv_nsec = r % NS_PER_SECOND;
		return 0;
	}
	if (clock < 0)
		return __rb_syscall_ret(-EINVAL);
	r = rb_clock_gettime(clock, &now);
	if (r < 0)
		return __rb_syscall_ret(r);
	ts->tv_sec = now.tv_sec;
	ts->tv_nsec = now.tv_nsec;
	return 0;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	struct rb_timespec now;
	long r = rb_clock_gettime(RB_CLOCK_REALTIME, &now);

	(void)tz;
	if (r < 0)
		return __rb_syscall_ret(r);
	tv->tv_sec = now.tv_sec;
	tv->tv_usec = now.tv_nsec / 1000;
	return 0;
}

/* C11's calendar time: TIME_UTC is the realtime clock.  Returns base, or 0
 * for any other base. */
int timespec_get(struct timespec *ts, int base)
{
	if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) != 0)
		return 0;
	return base;
}

/*
 * The resolution of a clock (POSIX): 1 ns for the vDSO's clocks, which
 * count nanoseconds scaled from the TSC; one timer tick,
 * RB_CPU_TIME_RESOLUTION_NS (10 ms), for CPU time.  Returns 0 (res may be
 * NULL), or -1 with EINVAL for another clock.
 */
int clock_getres(clockid_t id, struct timespec *res)
{
	long ns;

	if (cpu_subject(id) >= 0)
		ns = RB_CPU_TIME_RESOLUTION_NS;
	else if (rainbow_clock(id) >= 0)
		ns = 1;
	else
		return __rb_syscall_ret(-EINVAL);
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = ns;
	}
	return 0;
}

/*
 * Processor time (C): the task's CPU time, all its threads together, in
 * CLOCKS_PER_SEC units (picolibc's: 1000000, so microseconds), with the
 * kernel's resolution of 10 ms.  Never (clock_t)-1: the kernel keeps it
 * from the task's start.
 */
clock_t clock(void)
{
	return (clock_t)(rb_cpu_time_ns(RB_CPU_TASK) / (NS_PER_SECOND / CLOCKS_PER_SEC));
}
