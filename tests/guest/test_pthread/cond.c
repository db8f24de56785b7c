/*
 * Condition variables: a producer/consumer queue, timed waits on both
 * clocks that last about as asked, broadcast, and the errors.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "pthread_test.h"
#include "tap.h"

enum { SLOTS = 4, ITEMS = 1000, CONSUMERS = 3 };
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static long queue[SLOTS];
static unsigned head, count;
static long consumed_sum;

static void *produce(void *arg)
{
	(void)arg;
	for (long i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&queue_lock);
		while (count == SLOTS)
			pthread_cond_wait(&not_full, &queue_lock);
		queue[(head + count++) % SLOTS] = i;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&queue_lock);
	}
	return NULL;
}

static void *consume(void *arg)
{
	long got = 0;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&queue_lock);
		while (count == 0)
			pthread_cond_wait(&not_empty, &queue_lock);
		long item = queue[head];
		head = (head + 1) % SLOTS;
		count--;
		pthread_cond_signal(&not_full);
		if (item > 0)
			consumed_sum += item;
		pthread_mutex_unlock(&queue_lock);
		if (item < 0)
			return (void *)got;
		got++;
	}
}

void cond_producer_consumer(void)
{
	pthread_t producer, consumers[CONSUMERS];
	long total = 0;
	void *got;

	for (int i = 0; i < CONSUMERS; i++)
		pthread_create(&consumers[i], NULL, consume, NULL);
	pthread_create(&producer, NULL, produce, NULL);
	pthread_join(producer, NULL);
	for (int i = 0; i < CONSUMERS; i++) {	/* one end marker each */
		pthread_mutex_lock(&queue_lock);
		while (count == SLOTS)
			pthread_cond_wait(&not_full, &queue_lock);
		queue[(head + count++) % SLOTS] = -1;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&queue_lock);
	}
	for (int i = 0; i < CONSUMERS; i++) {
		pthread_join(consumers[i], &got);
		total += (long)got;
	}
	check(total == ITEMS, "1000 items through a 4-slot queue, 1 producer, 3 consumers");
	check(consumed_sum == (long)ITEMS * (ITEMS + 1) / 2, "each exactly once");
	check(pthread_cond_destroy(&not_empty) == 0, "destroy with nobody waiting");
}

static struct timespec in_ms(clockid_t clock, long ms)
{
	struct timespec t;

	clock_gettime(clock, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * (long)MS;
	if (t.tv_nsec >= 1000000000) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000;
	}
	return t;
}

static void timed_wait_on(clockid_t clock, const char *what_clock, const char *what_time)
{
	pthread_condattr_t attr;
	pthread_cond_t cond;
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	clockid_t got = -1;

	check(pthread_condattr_init(&attr) == 0 && pthread_condattr_setclock(&attr, clock) == 0 &&
	      pthread_condattr_getclock(&attr, &got) == 0 && got == clock, what_clock);
	pthread_cond_init(&cond, &attr);
	pthread_mutex_lock(&m);
	struct timespec when = in_ms(clock, 100);
	uint64_t start = now_ns();
	int r = pthread_cond_timedwait(&cond, &m, &when);
	uint64_t took = now_ns() - start;
	check(r == ETIMEDOUT && pthread_mutex_trylock(&m) == EBUSY,
	      "timedwait: ETIMEDOUT, with the mutex held again");
	check(took >= 90 * MS && took < 160 * MS, what_time);
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&cond);
	pthread_condattr_destroy(&attr);
}

void cond_timed_waits(void)
{
	pthread_condattr_t attr;
	pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	struct timespec bad = { 0, -1 };

	timed_wait_on(CLOCK_MONOTONIC, "condattr_setclock CLOCK_MONOTONIC",
		      "timedwait on CLOCK_MONOTONIC waited about 100 ms");
	timed_wait_on(CLOCK_REALTIME, "condattr_setclock CLOCK_REALTIME",
		      "timedwait on CLOCK_REALTIME waited about 100 ms");
	pthread_condattr_init(&attr);
	check(pthread_condattr_setclock(&attr, 12345) == EINVAL,
	      "another clock is EINVAL");
	pthread_mutex_lock(&m);
	check(pthread_cond_timedwait(&cond, &m, &bad) == EINVAL, "a bad tv_nsec is EINVAL");
	pthread_mutex_unlock(&m);
	check(pthread_cond_wait(&cond, &m) == EPERM, "waiting without the mutex is EPERM");
}

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate = PTHREAD_COND_INITIALIZER;
static int gate_open, waiting;

static void *wait_for_gate(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&gate_lock);
	waiting++;
	while (!gate_open)
		pthread_cond_wait(&gate, &gate_lock);
	pthread_mutex_unlock(&gate_lock);
	return NULL;
}

void cond_broadcast_wakes_all(void)
{
	enum { N = 10 };
	pthread_t t[N];

	for (int i = 0; i < N; i++)
		pthread_create(&t[i], NULL, wait_for_gate, NULL);
	for (int tries = 0; tries < 100; tries++) {
		pthread_mutex_lock(&gate_lock);
		int all = waiting == N;
		pthread_mutex_unlock(&gate_lock);
		if (all)
			break;
		rb_sleep_ns(MS);
	}
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	check(pthread_cond_broadcast(&gate) == 0, "broadcast");
	pthread_mutex_unlock(&gate_lock);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	check(1, "wakes all 10 waiters");
}
