/*
 * POSIX threads (<pthread.h>): an uncontended mutex lock and unlock (user
 * space only), a condition-variable ping-pong between two threads (one
 * sample is a round trip: two signals, two waits, two sleeps in the
 * kernel).  pthread_create with pthread_join is timed with the scale rows
 * (object_ops.c).
 */
#include <pthread.h>
#include <stdbool.h>

#include "bench.h"

static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t to_partner = PTHREAD_COND_INITIALIZER, to_main = PTHREAD_COND_INITIALIZER;
static int turn;		/* 1: the partner's, 0: main's; under mutex */
static bool stop;

static long lock_unlock(void)
{
	pthread_mutex_lock(&mutex);
	return -pthread_mutex_unlock(&mutex);
}

static void *partner(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&mutex);
	while (!stop) {
		while (turn != 1 && !stop)
			pthread_cond_wait(&to_partner, &mutex);
		turn = 0;
		pthread_cond_signal(&to_main);
	}
	pthread_mutex_unlock(&mutex);
	return NULL;
}

static long ping_pong(void)
{
	pthread_mutex_lock(&mutex);
	turn = 1;
	pthread_cond_signal(&to_partner);
	while (turn != 0)
		pthread_cond_wait(&to_main, &mutex);
	pthread_mutex_unlock(&mutex);
	return 0;
}

void bench_pthread(void)
{
	pthread_t t;
	long error;
	int e;

	bench_finish("mutex_uncontended", "pthread_mutex_unlock", bench_time(lock_unlock), 1);

	e = pthread_create(&t, NULL, partner, NULL);
	if (e) {
		bench_fail("condvar_pingpong", "pthread_create", -e);
	} else {
		error = bench_time(ping_pong);
		pthread_mutex_lock(&mutex);
		stop = true;
		pthread_cond_signal(&to_partner);
		pthread_mutex_unlock(&mutex);
		pthread_join(t, NULL);
		bench_finish("condvar_pingpong", "ping_pong", error, 1);
	}
}
