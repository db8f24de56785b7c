/*
 * rb_futex_wait and rb_futex_wake directly: every error, a wait and wake,
 * a timeout that lasts about as asked, and the other tasks' view: the
 * bystander waits on the same address as this task wakes, and must only
 * ever time out.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include "pthread_test.h"
#include "tap.h"

/* The same address in every task of this program: the bystander's test. */
static uint32_t shared_word;

void futex_errors(void)
{
	uint32_t word = 5;
	char *bytes = (char *)&word;

	check(rb_futex_wait(&word, 4, 0, 0) == -EAGAIN, "a changed value is -EAGAIN");
	check(rb_futex_wait((uint32_t *)(bytes + 1), 5, 0, 0) == -EINVAL,
	      "an unaligned address is -EINVAL");
	check(rb_futex_wait(&word, 5, 2, 0) == -EINVAL, "an unknown flag is -EINVAL");
	check(rb_futex_wait(NULL, 0, 0, 0) == -EFAULT, "NULL is -EFAULT");
	check(rb_futex_wait((uint32_t *)0xffff800000000000ull, 0, 0, 0) == -EFAULT,
	      "a kernel address is -EFAULT");
	check(rb_futex_wake((uint32_t *)0x1000, 1) == -EFAULT, "wake of unmapped memory is -EFAULT");
	check(rb_futex_wake((uint32_t *)(bytes + 2), 1) == -EINVAL, "wake unaligned is -EINVAL");
	check(rb_futex_wake(&word, 1) == 0, "wake with no waiter wakes 0");
	check(rb_futex_wait(&word, 5, RB_FUTEX_DEADLINE, now_ns() - 1) == -ETIMEDOUT,
	      "a past deadline is -ETIMEDOUT at once");
}

static void *waiter(void *arg)
{
	uint32_t *word = arg;

	while (__atomic_load_n(word, __ATOMIC_ACQUIRE) == 0)
		rb_futex_wait(word, 0, 0, 0);
	return NULL;
}

void futex_wait_and_wake(void)
{
	static uint32_t word;
	pthread_t t[3];
	long woken = 0;

	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, waiter, &word);
	for (int i = 0; i < 10 && woken < 3; i++) {
		rb_sleep_ns(10 * MS);	/* let them block */
		if (i == 0)
			__atomic_store_n(&word, 1, __ATOMIC_RELEASE);
		woken += rb_futex_wake(&word, RB_FUTEX_WAKE_ALL);
	}
	check(woken == 3, "wake of all wakes the three blocked waiters");
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	check(1, "and they end");
}

void futex_timeout_waits(void)
{
	uint32_t word = 0;
	uint64_t start = now_ns();
	long r = rb_futex_wait(&word, 0, RB_FUTEX_DEADLINE, start + 100 * MS);
	uint64_t took = now_ns() - start;

	check(r == -ETIMEDOUT, "a wait that nobody wakes times out");
	check(took >= 100 * MS && took < 150 * MS, "after about the 100 ms asked");
}

void futex_other_tasks_apart(void)
{
	long woken = 0;

	/* The bystander task waits on shared_word meanwhile: none of this reaches it. */
	for (uint64_t end = now_ns() + 300 * MS; now_ns() < end; rb_sleep_ns(2 * MS))
		woken += rb_futex_wake(&shared_word, RB_FUTEX_WAKE_ALL);
	check(woken == 0, "wakes of an address another task waits on wake nobody");
}

int bystander_main(void)
{
	int failures = 0, rounds;

	for (rounds = 0; rounds < 20; rounds++) {
		long r = rb_futex_wait(&shared_word, 0, RB_FUTEX_DEADLINE, now_ns() + 20 * MS);
		if (r != -ETIMEDOUT)
			failures++;
	}
	printf("bystander: %d rounds, %d failures\n", rounds, failures);
	return failures != 0;
}

static void *wait_forever(void *arg)
{
	rb_futex_wait(arg, 0, 0, 0);
	return NULL;
}

/* Ends with three threads blocked in the kernel: the task's end must free them. */
int orphans_main(void)
{
	static uint32_t word;
	pthread_t t;

	for (int i = 0; i < 3; i++)
		pthread_create(&t, NULL, wait_forever, &word);
	rb_sleep_ns(20 * MS);
	printf("orphans: leaving three waiters behind\n");
	return 0;
}
