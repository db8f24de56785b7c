/*
 * Mutexes (<pthread.h>) on the one-word futex lock (futex_lock.c): locking
 * a free mutex and unlocking one nobody waits for stay in user space.  The
 * owner is recorded for every type, so unlock by another thread is EPERM
 * whatever the type, and errorcheck and recursive know their owner.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>

#include "glue.h"

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	return __rb_attr_set(&attr->__type, type, type == PTHREAD_MUTEX_NORMAL ||
			     type == PTHREAD_MUTEX_RECURSIVE || type == PTHREAD_MUTEX_ERRORCHECK);
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict attr, int *restrict type)
{
	*type = attr->__type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *restrict mutex, const pthread_mutexattr_t *restrict attr)
{
	*mutex = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	if (attr)
		mutex->__type = attr->__type;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
	return __atomic_load_n(&mutex->__word, __ATOMIC_RELAXED) ? EBUSY : 0;
}

/*
 * The caller already holds mutex: what locking it again means for its type
 * (a normal one would deadlock, so it is locked as usual; -1 says so).
 */
static int relock(pthread_mutex_t *mutex, int busy)
{
	if (mutex->__type == PTHREAD_MUTEX_RECURSIVE) {
		if (mutex->__depth == UINT_MAX)
			return EAGAIN;
		mutex->__depth++;
		return 0;
	}
	if (mutex->__type == PTHREAD_MUTEX_ERRORCHECK)
		return busy ? EBUSY : EDEADLK;
	return busy ? EBUSY : -1;
}

static int owned(pthread_mutex_t *mutex)
{
	return __atomic_load_n(&mutex->__owner, __ATOMIC_RELAXED) == pthread_self();
}

static int take(pthread_mutex_t *mutex)
{
	__atomic_store_n(&mutex->__owner, pthread_self(), __ATOMIC_RELAXED);
	mutex->__depth = 1;
	return 0;
}

int pthread_mutex_timedlock(pthread_mutex_t *restrict mutex, const struct timespec *restrict abstime)
{
	uint64_t deadline = UINT64_MAX;
	int r;

	/* Free: taken at once, in user space.  Held: maybe by the caller. */
	if (__rb_word_trylock(&mutex->__word))
		return take(mutex);
	if (owned(mutex) && (r = relock(mutex, 0)) >= 0)
		return r;
	if (abstime && (r = __rb_deadline_ns(CLOCK_REALTIME, abstime, &deadline)))
		return r;
	if (__rb_word_lock_until(&mutex->__word, deadline))
		return ETIMEDOUT;
	return take(mutex);
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
	return pthread_mutex_timedlock(mutex, NULL);
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
	if (__rb_word_trylock(&mutex->__word))
		return take(mutex);
	return owned(mutex) ? relock(mutex, 1) : EBUSY;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
	if (!owned(mutex))
		return EPERM;
	if (--mutex->__depth)
		return 0;
	__atomic_store_n(&mutex->__owner, NULL, __ATOMIC_RELAXED);
	__rb_word_unlock(&mutex->__word);
	return 0;
}
