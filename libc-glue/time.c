/*
 * The time of day and the monotonic clock, read from the vDSO without
 * entering the kernel.  time() is picolibc's, over gettimeofday().
 * CLOCK_MONOTONIC exists because rainbow.specs defines
 * _POSIX_MONOTONIC_CLOCK; the Linux names need _GNU_SOURCE.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/time.h>
#include <time.h>

#include <rainbow/syscall.h>

#include "glue.h"

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

int clock_gettime(clockid_t id, struct timespec *ts)
{
	int clock = rainbow_clock(id);
	struct rb_timespec now;
	long r;

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
 * Processor time: the kernel keeps none per task yet, so clock() returns
 * (clock_t)-1, as C allows when it is not available.  picolibc's clock()
 * would call times(), which Rainbow does not provide.
 */
clock_t clock(void)
{
	return (clock_t)-1;
}
