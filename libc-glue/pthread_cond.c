/*
 * Condition variables (<pthread.h>): a sequence word that every signal and
 * broadcast bumps.  A waiter reads it before it lets the mutex go and
 * sleeps in the kernel only while it is unchanged, so a signal between the
 * unlock and the sleep is not lost.  Signals with nobody waiting stay in
 * user space.
 */
#include <errno.h>
#include <pthread.h>

#include <rainbow/syscall.h>

#include "glue.h"

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__clock = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	attr->__clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *restrict attr, clockid_t *restrict clock)
{
	*clock = attr->__clock;
	return 0;
}

int pthread_cond_init(pthread_cond_t *restrict cond, const pthread_condattr_t *restrict attr)
{
	*cond = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
	cond->__monotonic = attr && attr->__clock == CLOCK_MONOTONIC;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
	return __atomic_load_n(&cond->__waiters, __ATOMIC_RELAXED) ? EBUSY : 0;
}

int pthread_cond_timedwait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex,
			   const struct timespec *restrict abstime)
{
	uint64_t deadline = 0;
	unsigned flags = 0;
	uint32_t seq;
	long r;
	int e;

	if (abstime) {
		e = __rb_deadline_ns(cond->__monotonic ? CLOCK_MONOTONIC : CLOCK_REALTIME,
				     abstime, &deadline);
		if (e)
			return e;
		flags = RB_FUTEX_DEADLINE;
	}
	__atomic_fetch_add(&cond->__waiters, 1, __ATOMIC_SEQ_CST);
	seq = __atomic_load_n(&cond->__seq, __ATOMIC_ACQUIRE);
	e = pthread_mutex_unlock(mutex);
	if (e) {
		__atomic_fetch_sub(&cond->__waiters, 1, __ATOMIC_RELAXED);
		return e;
	}
	r = rb_futex_wait(&cond->__seq, seq, flags, deadline);
	__atomic_fetch_sub(&cond->__waiters, 1, __ATOMIC_RELAXED);
	pthread_mutex_lock(mutex);
	return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex)
{
	return pthread_cond_timedwait(cond, mutex, NULL);
}

static int wake(pthread_cond_t *cond, uint32_t count)
{
	__atomic_fetch_add(&cond->__seq, 1, __ATOMIC_RELEASE);
	if (__atomic_load_n(&cond->__waiters, __ATOMIC_SEQ_CST))
		rb_futex_wake(&cond->__seq, count);
	return 0;
}

int pthread_cond_signal(pthread_cond_t *cond)
{
	return wake(cond, 1);
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
	return wake(cond, RB_FUTEX_WAKE_ALL);
}
