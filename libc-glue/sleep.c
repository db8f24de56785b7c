/*
 * Giving up the processor: for a while (rb_sleep_ns) or for a turn
 * (rb_yield).  Nothing interrupts a sleep, so no time is ever left over.
 */
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "glue.h"

#define NS_PER_SECOND 1000000000ull

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	uint64_t ns;

	if (req->tv_sec < 0 || req->tv_nsec < 0 || req->tv_nsec >= (long)NS_PER_SECOND)
		return __rb_syscall_ret(-EINVAL);
	/* Sleeping for more than 584 years is sleeping forever. */
	ns = (uint64_t)req->tv_sec >= UINT64_MAX / NS_PER_SECOND
		     ? UINT64_MAX
		     : (uint64_t)req->tv_sec * NS_PER_SECOND + (uint64_t)req->tv_nsec;
	if (rem)
		*rem = (struct timespec){ 0, 0 };
	return __rb_syscall_ret(rb_sleep_ns(ns));
}

unsigned sleep(unsigned seconds)
{
	struct timespec t = { .tv_sec = seconds };

	nanosleep(&t, NULL);
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec t = { .tv_sec = us / 1000000, .tv_nsec = (long)(us % 1000000) * 1000 };

	return nanosleep(&t, NULL);
}

int sched_yield(void)
{
	return __rb_syscall_ret(rb_yield());
}
