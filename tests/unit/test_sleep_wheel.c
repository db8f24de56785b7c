/*
 * Host tests of kernel/sleep_wheel.c: against a plain reference (each
 * sleeper's due tick), every thread wakes at the first tick at or after
 * its own, never earlier, never twice, across all the wheel's levels;
 * removals before the tick leave no trace.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "sleep_wheel.h"
#include "tcb.h"
#include "xorshift.h"

#define THREADS 3000

static struct thread threads[THREADS];
static uint64_t due[THREADS];		/* 0: not asleep */
static uint64_t now;

/* Wakes what the wheel says is due at now, checking each against due[]. */
static unsigned tick_to(uint64_t tick)
{
	unsigned woken = 0;

	for (; now < tick; now++) {
		for (struct thread *t; (t = sleep_wheel_take_due(now + 1));) {
			long i = t - threads;
			assert_true(i >= 0 && i < THREADS);
			assert_int_equal(due[i], now + 1);
			assert_int_equal(t->wake_tick, 0);
			due[i] = 0;
			woken++;
		}
	}
	for (unsigned i = 0; i < THREADS; i++)
		if (due[i])
			assert_true(due[i] > now);
	return woken;
}

static void sleep_at(unsigned i, uint64_t tick)
{
	sleep_wheel_add(&threads[i], tick);
	due[i] = tick > now ? tick : now + 1;
}

static void wakes_on_time_across_levels(void **state)
{
	(void)state;
	unsigned woken = 0, added = 0, removed = 0;

	rng_seed(7);
	sleep_wheel_init();
	assert_true(sleep_wheel_empty());
	/* A sleep of each length from 1 to 64 ticks, and a few far away (levels 3 to 10). */
	for (unsigned i = 0; i < 64; i++, added++)
		sleep_at(i, now + 1 + i);
	sleep_at(64, 1ull << 40);
	sleep_at(65, 1ull << 62);
	sleep_at(66, 300000);
	added += 3;
	woken += tick_to(100);
	assert_int_equal(woken, 64);
	/* Random sleeps and early removals over 400,000 ticks (past level 3's first turn). */
	while (now < 400000) {
		for (unsigned k = 0; k < 20; k++) {
			unsigned i = 67 + rng() % (THREADS - 67);
			if (due[i] && rng() % 4 == 0) {
				sleep_wheel_remove(&threads[i]);
				due[i] = 0;
				removed++;
			} else if (!due[i]) {
				uint64_t span = rng() % 8 == 0 ? 300000 : 200;
				sleep_at(i, now + rng() % span);	/* now + 0: the next tick */
				added++;
			}
		}
		woken += tick_to(now + 1 + rng() % 50);
	}
	assert_int_equal(due[66], 0);
	assert_true(due[64] && due[65]);
	sleep_wheel_remove(&threads[64]);
	sleep_wheel_remove(&threads[65]);
	due[64] = due[65] = 0;
	removed += 2;
	for (unsigned i = 0; i < THREADS; i++)
		if (due[i]) {
			sleep_wheel_remove(&threads[i]);
			due[i] = 0;
			removed++;
		}
	assert_true(sleep_wheel_empty());
	assert_int_equal(woken + removed, added);
	assert_true(woken > 10000 && removed > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wakes_on_time_across_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
