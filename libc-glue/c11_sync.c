/*
 * C11 mutexes and condition variables (<threads.h>) on <pthread.h>'s;
 * TIME_UTC is CLOCK_REALTIME, pthread's default for both.
 */
#include <errno.h>
#include <threads.h>

static int result(int e)
{
	switch (e) {
	case 0:
		return thrd_success;
	case ETIMEDOUT:
		return thrd_timedout;
	case EBUSY:
		return thrd_busy;
	default:
		return thrd_error;
	}
}

int mtx_init(mtx_t *mtx, int type)
{
	pthread_mutexattr_t attr;

	if (type != mtx_plain && type != mtx_timed && type != (mtx_plain | mtx_recursive) &&
	    type != (mtx_timed | mtx_recursive))
		return thrd_error;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, type & mtx_recursive ? PTHREAD_MUTEX_RECURSIVE
							     : PTHREAD_MUTEX_NORMAL);
	return result(pthread_mutex_init(mtx, &attr));
}

void mtx_destroy(mtx_t *mtx)
{
	pthread_mutex_destroy(mtx);
}

int mtx_lock(mtx_t *mtx)
{
	return result(pthread_mutex_lock(mtx));
}

int mtx_timedlock(mtx_t *restrict mtx, const struct timespec *restrict ts)
{
	return result(pthread_mutex_timedlock(mtx, ts));
}

int mtx_trylock(mtx_t *mtx)
{
	return result(pthread_mutex_trylock(mtx));
}

int mtx_unlock(mtx_t *mtx)
{
	return result(pthread_mutex_unlock(mtx));
}

int cnd_init(cnd_t *cond)
{
	return result(pthread_cond_init(cond, NULL));
}

void cnd_destroy(cnd_t *cond)
{
	pthread_cond_destroy(cond);
}

int cnd_wait(cnd_t *cond, mtx_t *mtx)
{
	return result(pthread_cond_wait(cond, mtx));
}

int cnd_timedwait(cnd_t *restrict cond, mtx_t *restrict mtx, const struct timespec *restrict ts)
{
	return result(pthread_cond_timedwait(cond, mtx, ts));
}

int cnd_signal(cnd_t *cond)
{
	return result(pthread_cond_signal(cond));
}

int cnd_broadcast(cnd_t *cond)
{
	return result(pthread_cond_broadcast(cond));
}
