/*
 * A deadline never comes early (issue 14, an outside finding: on several
 * CPUs a 10 ms rb_sleep_ns ended after 5 ms while the boot CPU's tick was
 * counted late).  `sleep_early` times 100 sleeps of 10 ms and 100 futex
 * waits with a deadline 10 ms ahead against the vDSO clock, and requires
 * each to have lasted at least 10 ms.  `sleep_early hog SECONDS` is the
 * load beside it: threads that change their priority, yield and pin
 * themselves to CPU 0 in a loop, so the boot CPU's kernel lock waits and
 * switches delay its tick.  tests/guest/sleep_early.sh.
 */
#include <pthread.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rainbow/syscall.h>
#include "tap.h"

#define HOG_THREADS 8
#define ROUNDS      100
#define WAIT_NS     10000000ull	/* 10 ms */

static atomic_int stop;

static void *hog(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop)) {
		rb_thread_set_priority(0, RB_PRIORITY_DEFAULT);
		rb_yield();
		rb_thread_set_affinity(0, 1u << 0);
	}
	return NULL;
}

static int hog_main(long seconds)
{
	pthread_t t[HOG_THREADS];
	uint64_t end = rb_clock_monotonic_ns() + (uint64_t)seconds * 1000000000ull;

	for (int i = 0; i < HOG_THREADS; i++)
		if (pthread_create(&t[i], NULL, hog, NULL))
			return 1;
	while (rb_clock_monotonic_ns() < end)
		;
	atomic_store(&stop, 1);
	for (int i = 0; i < HOG_THREADS; i++)
		pthread_join(t[i], NULL);
	return 0;
}

/* How many of ROUNDS waits by wait() ended before WAIT_NS; the earliest in *early_ns. */
static int count_early(long (*wait)(void), uint64_t *early_ns, long *errors)
{
	int early = 0;

	*early_ns = 0;
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = rb_clock_monotonic_ns();
		if (wait() < 0)
			++*errors;
		uint64_t took = rb_clock_monotonic_ns() - t0;
		if (took < WAIT_NS) {
			early++;
			if (WAIT_NS - took > *early_ns)
				*early_ns = WAIT_NS - took;
		}
	}
	return early;
}

static long sleep_once(void)
{
	return rb_sleep_ns(WAIT_NS);
}

static uint32_t never_changes;

static long futex_once(void)
{
	long r = rb_futex_wait(&never_changes, 0, RB_FUTEX_DEADLINE, rb_clock_monotonic_ns() + WAIT_NS);
	return r == -ETIMEDOUT ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "hog") == 0)
		return hog_main(atol(argv[2]));
	uint64_t early_ns;
	long errors = 0;
	int n = count_early(sleep_once, &early_ns, &errors);
	printf("# %d of %d sleeps ended early, the earliest by %llu us\n", n, ROUNDS,
	       (unsigned long long)(early_ns / 1000));
	check(n == 0, "no 10 ms rb_sleep_ns ends before 10 ms");
	n = count_early(futex_once, &early_ns, &errors);
	printf("# %d of %d futex waits ended early, the earliest by %llu us\n", n, ROUNDS,
	       (unsigned long long)(early_ns / 1000));
	check(n == 0, "no rb_futex_wait with a deadline 10 ms ahead ends before it");
	check(errors == 0, "every wait returned as it should (0, -ETIMEDOUT)");
	return tap_done();
}
