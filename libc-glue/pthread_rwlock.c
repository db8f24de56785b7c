/*
 * Read-write locks (<pthread.h>) on a mutex and two condition variables:
 * readers share it, a writer has it alone, and a waiting writer keeps new
 * readers out so that writers are not starved.
 */
#include <errno.h>
#include <pthread.h>

int pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{
	attr->__reserved = 0;
	return 0;
}

int pthread_rwlock_init(pthread_rwlock_t *restrict rwlock,
			const pthread_rwlockattr_t *restrict attr)
{
	(void)attr;		/* no attributes yet */
	*rwlock = (pthread_rwlock_t)PTHREAD_RWLOCK_INITIALIZER;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *rwlock)
{
	return rwlock->__readers || rwlock->__writer ? EBUSY : 0;
}

/* Take it for reading if wait, else only if that would not block. */
static int read_lock(pthread_rwlock_t *rwlock, int wait)
{
	int r = 0;

	pthread_mutex_lock(&rwlock->__lock);
	while (rwlock->__writer || rwlock->__writers_waiting) {
		if (!wait) {
			r = EBUSY;
			break;
		}
		pthread_cond_wait(&rwlock->__readers_go, &rwlock->__lock);
	}
	if (!r)
		rwlock->__readers++;
	pthread_mutex_unlock(&rwlock->__lock);
	return r;
}

static int write_lock(pthread_rwlock_t *rwlock, int wait)
{
	int r = 0;

	pthread_mutex_lock(&rwlock->__lock);
	if (wait) {
		rwlock->__writers_waiting++;
		while (rwlock->__writer || rwlock->__readers)
			pthread_cond_wait(&rwlock->__writers_go, &rwlock->__lock);
		rwlock->__writers_waiting--;
	} else if (rwlock->__writer || rwlock->__readers) {
		r = EBUSY;
	}
	if (!r)
		rwlock->__writer = 1;
	pthread_mutex_unlock(&rwlock->__lock);
	return r;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock)
{
	return read_lock(rwlock, 1);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *rwlock)
{
	return read_lock(rwlock, 0);
}

int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock)
{
	return write_lock(rwlock, 1);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *rwlock)
{
	return write_lock(rwlock, 0);
}

int pthread_rwlock_unlock(pthread_rwlock_t *rwlock)
{
	int r = 0;

	pthread_mutex_lock(&rwlock->__lock);
	if (rwlock->__writer)
		rwlock->__writer = 0;
	else if (rwlock->__readers)
		rwlock->__readers--;
	else
		r = EPERM;
	if (!r && !rwlock->__writer && !rwlock->__readers) {
		if (rwlock->__writers_waiting)
			pthread_cond_signal(&rwlock->__writers_go);
		else
			pthread_cond_broadcast(&rwlock->__readers_go);
	}
	pthread_mutex_unlock(&rwlock->__lock);
	return r;
}
