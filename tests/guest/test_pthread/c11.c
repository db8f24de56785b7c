/*
 * The C11 equivalents (<threads.h>): thrd_*, mtx_*, cnd_*, tss_* and
 * call_once, with their results.
 */
#include <stdint.h>
#include <threads.h>
#include <time.h>

#include "pthread_test.h"
#include "tap.h"

static int c11_twice(void *arg)
{
	return (int)(intptr_t)arg * 2;
}

static tss_t tss;
static int tss_freed;

static void tss_dtor(void *value)
{
	tss_freed += *(int *)value;
}

static int set_tss(void *arg)
{
	static int five = 5;

	(void)arg;
	tss_set(tss, &five);
	thrd_exit(tss_get(tss) == &five ? 9 : -1);
}

static once_flag flag = ONCE_FLAG_INIT;
static int once_count;

static void count_once(void)
{
	once_count++;
}

static int call_it(void *arg)
{
	(void)arg;
	call_once(&flag, count_once);
	return once_count;
}

void c11_threads(void)
{
	thrd_t t, u[4];
	int res = -1, right = 0;

	check(thrd_create(&t, c11_twice, (void *)21) == thrd_success, "thrd_create");
	check(thrd_join(t, &res) == thrd_success && res == 42, "thrd_join gives the int result");
	check(thrd_equal(thrd_current(), thrd_current()) && !thrd_equal(thrd_current(), t),
	      "thrd_current and thrd_equal");
	check(thrd_create(&t, c11_twice, NULL) == thrd_success && thrd_detach(t) == thrd_success,
	      "thrd_detach");
	check(tss_create(&tss, tss_dtor) == thrd_success, "tss_create");
	thrd_create(&t, set_tss, NULL);
	thrd_join(t, &res);
	check(res == 9 && tss_freed == 5, "tss_set, tss_get, thrd_exit's result and the destructor");
	tss_delete(tss);
	for (int i = 0; i < 4; i++)
		thrd_create(&u[i], call_it, NULL);
	for (int i = 0; i < 4; i++)
		right += thrd_join(u[i], &res) == thrd_success && res == 1;
	check(right == 4 && once_count == 1, "call_once from 4 threads runs once");

	struct timespec ten_ms = { 0, 10 * (long)MS }, left = { 1, 1 };
	uint64_t start = now_ns();
	check(thrd_sleep(&ten_ms, &left) == 0 && now_ns() - start >= 10 * MS,
	      "thrd_sleep sleeps at least as asked");
	check(left.tv_sec == 0 && left.tv_nsec == 0, "with nothing remaining");
	thrd_yield();
	check(1, "thrd_yield");
}

static mtx_t c11_lock;
static long c11_count;

static int add_many(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		mtx_lock(&c11_lock);
		c11_count++;
		mtx_unlock(&c11_lock);
	}
	return 0;
}

void c11_sync(void)
{
	mtx_t rec, timed;
	cnd_t cond;
	thrd_t t[4];

	check(mtx_init(&c11_lock, mtx_plain) == thrd_success, "mtx_init plain");
	for (int i = 0; i < 4; i++)
		thrd_create(&t[i], add_many, NULL);
	for (int i = 0; i < 4; i++)
		thrd_join(t[i], NULL);
	check(c11_count == 4000, "4 threads x 1000 under mtx_lock: exact count");
	check(mtx_init(&rec, mtx_plain | mtx_recursive) == thrd_success &&
	      mtx_lock(&rec) == thrd_success && mtx_trylock(&rec) == thrd_success,
	      "a recursive mtx locks twice");
	mtx_unlock(&rec);
	mtx_unlock(&rec);
	check(mtx_unlock(&rec) == thrd_error, "unlocking a free one is thrd_error");
	check(mtx_init(&timed, 77) == thrd_error, "an unknown type is thrd_error");
	check(mtx_init(&timed, mtx_timed) == thrd_success && mtx_lock(&timed) == thrd_success &&
	      mtx_trylock(&timed) == thrd_busy, "mtx_trylock of a held one is thrd_busy");

	struct timespec when;
	timespec_get(&when, TIME_UTC);
	when.tv_nsec += 50 * (long)MS;
	if (when.tv_nsec >= 1000000000) {
		when.tv_sec++;
		when.tv_nsec -= 1000000000;
	}
	check(mtx_timedlock(&timed, &when) == thrd_timedout, "mtx_timedlock times out");
	check(cnd_init(&cond) == thrd_success, "cnd_init");
	check(cnd_timedwait(&cond, &timed, &when) == thrd_timedout,
	      "cnd_timedwait past its time is thrd_timedout");
	check(cnd_signal(&cond) == thrd_success && cnd_broadcast(&cond) == thrd_success,
	      "cnd_signal and cnd_broadcast");
	mtx_unlock(&timed);
	cnd_destroy(&cond);
	mtx_destroy(&timed);
	mtx_destroy(&rec);
	mtx_destroy(&c11_lock);
}
