/*
 * Priorities: the highest ready thread runs, a lower one waits until the
 * higher one blocks, and raising a thread above the caller hands it the
 * CPU at once.  Prints TAP.
 */
#include <errno.h>
#include <stdint.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

#define SPIN_NS 50000000ull	/* 50 ms: five timer ticks */

static volatile long counter;
static volatile int raised, main_after_raise, preempted_main, stop;
static volatile long worker_id;
static struct rb_thread *worker_thread;

/* Counts while it runs; notices when it ran before main got back from raising it. */
static int worker(void *arg)
{
	(void)arg;
	worker_id = rb_thread_id();
	rb_thread_set_priority(0, 2);	/* below main from now on */
	while (!stop) {
		counter++;
		if (raised && !main_after_raise)
			preempted_main = 1;
		if (preempted_main)
			rb_sleep_ns(1000000);	/* let main go on */
	}
	return 0;
}

static void spin(uint64_t ns)
{
	uint64_t end = rb_clock_monotonic_ns() + ns;
	while (rb_clock_monotonic_ns() < end)
		;
}

static void bad_priorities_are_refused(void)
{
	check(rb_thread_set_priority(0, RB_PRIORITY_MAX + 1) == -EINVAL, "priority out of range is EINVAL");
	check(rb_thread_set_priority(0, -1) == -EINVAL, "negative priority is EINVAL");
	check(rb_thread_set_priority(999999, 3) == -ESRCH, "unknown thread is ESRCH");
	check(rb_thread_set_priority(0, RB_PRIORITY_DEFAULT + 1) == -EPERM &&
	      rb_thread_set_priority(0, RB_PRIORITY_MAX) == -EPERM,
	      "above RB_PRIORITY_DEFAULT is EPERM: no task outranks the others");
}

/* Leaves the worker running at 2 below main at the default, 4. */
static void lower_thread_waits_for_the_higher(void)
{
	worker_thread = rb_thread_start(worker, NULL);
	check(worker_thread != NULL, "worker started (at main's priority, 4)");
	while (!worker_id)
		rb_yield();	/* equal priorities: the worker gets its turn, then drops */
	check(counter == 0, "once the worker lowered itself to 2, main runs again");
	spin(SPIN_NS);
	spin(SPIN_NS);
	check(counter == 0, "a lower priority thread does not run while a higher one spins, timer or not");
	/* Other tasks of default priority may run first: wait up to 2 s. */
	for (int i = 0; i < 200 && counter == 0; i++)
		rb_sleep_ns(10000000);
	check(counter > 0, "it runs once the higher one sleeps");
}

static void raised_thread_runs_at_once(void)
{
	check(rb_thread_set_priority(0, 3) == 0, "main steps back to 3");
	raised = 1;
	rb_thread_set_priority(worker_id, RB_PRIORITY_DEFAULT);
	main_after_raise = 1;
	check(preempted_main, "raising a thread above the caller runs it before the call returns");

	stop = 1;
	int status = -1;
	check(rb_thread_wait(worker_thread, &status) == 0 && status == 0, "worker joined");
}

static const struct tap_test tests[] = {
	{ bad_priorities_are_refused, "bad arguments" },
	{ lower_thread_waits_for_the_higher, "the highest ready thread runs" },
	{ raised_thread_runs_at_once, "raising a thread preempts the caller" },
};

int main(void)
{
	return TAP_RUN(tests);
}
