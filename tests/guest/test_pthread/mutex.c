/*
 * Mutexes of each kind and their errors, many threads contending with a
 * right final count, timedlock on CLOCK_REALTIME, and rwlocks.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "pthread_test.h"
#include "tap.h"

static pthread_mutex_t held_elsewhere = PTHREAD_MUTEX_INITIALIZER;

static void *try_unlock(void *arg)
{
	return (void *)(intptr_t)pthread_mutex_unlock(arg);
}

static void *try_lock(void *arg)
{
	return (void *)(intptr_t)pthread_mutex_trylock(arg);
}

static int in_thread(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	void *value = (void *)-1;

	pthread_create(&t, NULL, fn, arg);
	pthread_join(t, &value);
	return (int)(intptr_t)value;
}

static void init_kind(pthread_mutex_t *m, int type)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, type);
	pthread_mutex_init(m, &attr);
	pthread_mutexattr_destroy(&attr);
}

void mutex_kinds(void)
{
	pthread_mutexattr_t attr;
	pthread_mutex_t normal, recursive, errorcheck;
	int type = -1;

	pthread_mutexattr_init(&attr);
	check(pthread_mutexattr_gettype(&attr, &type) == 0 && type == PTHREAD_MUTEX_DEFAULT,
	      "mutexattr default type");
	check(pthread_mutexattr_settype(&attr, 99) == EINVAL, "an unknown type is EINVAL");
	init_kind(&normal, PTHREAD_MUTEX_NORMAL);
	init_kind(&recursive, PTHREAD_MUTEX_RECURSIVE);
	init_kind(&errorcheck, PTHREAD_MUTEX_ERRORCHECK);

	check(pthread_mutex_lock(&normal) == 0, "normal: lock");
	check(pthread_mutex_trylock(&normal) == EBUSY, "normal: trylock by the owner is EBUSY");
	check(in_thread(try_lock, &normal) == EBUSY, "normal: trylock by another thread is EBUSY");
	check(in_thread(try_unlock, &normal) == EPERM, "normal: unlock by a non-owner is EPERM");
	check(pthread_mutex_destroy(&normal) == EBUSY, "destroy of a held mutex is EBUSY");
	check(pthread_mutex_unlock(&normal) == 0, "normal: unlock");
	check(pthread_mutex_unlock(&normal) == EPERM, "unlock of a free mutex is EPERM");
	check(pthread_mutex_destroy(&normal) == 0, "destroy of a free one");

	check(pthread_mutex_lock(&recursive) == 0 && pthread_mutex_lock(&recursive) == 0 &&
	      pthread_mutex_trylock(&recursive) == 0, "recursive: locked three times");
	check(in_thread(try_lock, &recursive) == EBUSY, "recursive: another thread gets EBUSY");
	check(in_thread(try_unlock, &recursive) == EPERM, "recursive: and EPERM to unlock");
	check(pthread_mutex_unlock(&recursive) == 0 && pthread_mutex_unlock(&recursive) == 0,
	      "recursive: unlocked twice");
	check(in_thread(try_lock, &recursive) == EBUSY, "recursive: still held once");
	check(pthread_mutex_unlock(&recursive) == 0, "recursive: the third unlock");
	check(in_thread(try_lock, &recursive) == 0, "recursive: now free (taken by a thread that ended)");

	check(pthread_mutex_lock(&errorcheck) == 0, "errorcheck: lock");
	check(pthread_mutex_lock(&errorcheck) == EDEADLK, "errorcheck: relock is EDEADLK");
	check(pthread_mutex_trylock(&errorcheck) == EBUSY, "errorcheck: trylock is EBUSY");
	check(in_thread(try_unlock, &errorcheck) == EPERM, "errorcheck: non-owner unlock is EPERM");
	check(pthread_mutex_unlock(&errorcheck) == 0, "errorcheck: unlock");
	check(pthread_mutex_unlock(&errorcheck) == EPERM, "errorcheck: unlock again is EPERM");
	check(pthread_mutex_lock(&held_elsewhere) == 0 && pthread_mutex_unlock(&held_elsewhere) == 0,
	      "PTHREAD_MUTEX_INITIALIZER works");
}

enum { WORKERS = 16, ROUNDS = 2000 };
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *add(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		long seen = counter;
		if (i % 64 == 0)
			rb_yield();	/* hold it across a switch: others must block */
		counter = seen + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

void mutex_contention(void)
{
	pthread_t t[WORKERS];

	for (int i = 0; i < WORKERS; i++)
		pthread_create(&t[i], NULL, add, NULL);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	check(counter == (long)WORKERS * ROUNDS, "16 threads x 2000 locked increments: exact count");
}

void mutex_timedlock(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	struct timespec when;
	uint64_t start;
	int r;

	pthread_mutex_lock(&m);
	clock_gettime(CLOCK_REALTIME, &when);
	when.tv_nsec += 100 * MS;
	if (when.tv_nsec >= 1000000000) {
		when.tv_sec++;
		when.tv_nsec -= 1000000000;
	}
	start = now_ns();
	/* Held by this thread (normal): the timed lock waits out its time. */
	r = pthread_mutex_timedlock(&m, &when);
	uint64_t took = now_ns() - start;
	check(r == ETIMEDOUT, "timedlock of a held mutex is ETIMEDOUT");
	check(took >= 90 * MS && took < 160 * MS, "after about the 100 ms asked (CLOCK_REALTIME)");
	when.tv_nsec = 1000000000;
	check(pthread_mutex_timedlock(&m, &when) == EINVAL, "a tv_nsec out of range is EINVAL");
	pthread_mutex_unlock(&m);
	check(pthread_mutex_timedlock(&m, &when) == 0, "a free mutex is taken without checking the time");
	pthread_mutex_unlock(&m);
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_value;

static void *try_read(void *arg)
{
	(void)arg;
	int r = pthread_rwlock_tryrdlock(&rw);
	if (r == 0)
		pthread_rwlock_unlock(&rw);
	return (void *)(intptr_t)r;
}

static void *writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 500; i++) {
		pthread_rwlock_wrlock(&rw);
		long v = rw_value;
		if (i % 50 == 0)
			rb_yield();
		rw_value = v + 1;
		pthread_rwlock_unlock(&rw);
		pthread_rwlock_rdlock(&rw);
		rb_yield();
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

void rwlocks(void)
{
	pthread_rwlockattr_t attr;
	pthread_rwlock_t own;
	pthread_t t[4];

	check(pthread_rwlockattr_init(&attr) == 0 && pthread_rwlock_init(&own, &attr) == 0,
	      "rwlock init");
	check(pthread_rwlock_rdlock(&own) == 0 && pthread_rwlock_tryrdlock(&own) == 0,
	      "two read locks at once");
	check(pthread_rwlock_trywrlock(&own) == EBUSY, "trywrlock while read-held is EBUSY");
	check(pthread_rwlock_destroy(&own) == EBUSY, "destroy while held is EBUSY");
	pthread_rwlock_unlock(&own);
	pthread_rwlock_unlock(&own);
	check(pthread_rwlock_unlock(&own) == EPERM, "unlock of a free rwlock is EPERM");
	check(pthread_rwlock_wrlock(&own) == 0 && pthread_rwlock_tryrdlock(&own) == EBUSY,
	      "tryrdlock while write-held is EBUSY");
	pthread_rwlock_unlock(&own);
	check(pthread_rwlock_destroy(&own) == 0 && pthread_rwlockattr_destroy(&attr) == 0,
	      "destroy");
	pthread_rwlock_rdlock(&rw);
	check(in_thread(try_read, NULL) == 0, "another thread reads alongside");
	pthread_rwlock_unlock(&rw);
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, writer, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	check(rw_value == 2000, "4 writers x 500 with readers between: exact count");
}
