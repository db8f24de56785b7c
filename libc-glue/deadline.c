/*
 * Absolute timeouts of <pthread.h> and <threads.h> as the CLOCK_MONOTONIC
 * deadline rb_futex_wait takes.  A CLOCK_REALTIME time is converted at the
 * call, so a later change of the wall clock does not move the deadline.
 */
#include <errno.h>
#include <stdint.h>
#include <time.h>

#include <rainbow/syscall.h>

#include "glue.h"

#define NS_PER_SECOND 1000000000ll

int __rb_deadline_ns(clockid_t clock, const struct timespec *abstime, uint64_t *deadline_ns)
{
	uint64_t now;
	struct rb_timespec wall;
	int64_t target, from;

	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= NS_PER_SECOND)
		return EINVAL;
	if (clock == CLOCK_MONOTONIC) {
		now = rb_clock_monotonic_ns();
		from = (int64_t)now;
	} else if (clock == CLOCK_REALTIME) {
		/*
		 * The wall clock first: a preemption between the two reads
		 * then makes the wait longer, never shorter (read the other
		 * way, it ended the wait early by the preemption's length).
		 */
		rb_clock_gettime(RB_CLOCK_REALTIME, &wall);
		now = rb_clock_monotonic_ns();
		from = wall.tv_sec * NS_PER_SECOND + wall.tv_nsec;
	} else {
		return EINVAL;
	}
	if (abstime->tv_sec < 0)
		target = 0;
	else if (abstime->tv_sec >= INT64_MAX / NS_PER_SECOND - 1)
		target = INT64_MAX;
	else
		target = abstime->tv_sec * NS_PER_SECOND + abstime->tv_nsec;
	if (target <= from)
		*deadline_ns = now;	/* passed: the wait times out at once */
	else if ((uint64_t)(target - from) >= UINT64_MAX - now)
		*deadline_ns = UINT64_MAX - 1;
	else
		*deadline_ns = now + (uint64_t)(target - from);
	return 0;
}
