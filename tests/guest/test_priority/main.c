/*
 * Priorities: the highest ready threads run, a lower one waits until the
 * higher ones block, and raising a thread above the caller hands it the
 * caller's CPU at once.  Prints TAP.
 *
 * On several CPUs priorities are strict per CPU (docs/kernel.md,
 * Scheduling on several CPUs): a lower thread runs beside a higher one on
 * a CPU left free.  So main and the worker are pinned to main's CPU, and
 * while it checks, main keeps every other CPU busy with fillers, spinning
 * threads of the priority between main's and the worker's, as many as the
 * kernel has CPUs at most (CPU_MAX, 16): then what holds on one CPU holds
 * on any number, and on one the fillers never run while main spins.
 */
#include <errno.h>
#include <stdint.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

#define SPIN_NS 50000000ull	/* 50 ms: five timer ticks */
#define FILLERS 15		/* the kernel's CPUs at most (16), less main's */
#define FILLER_PRIORITY 3	/* below main (4), above the worker (2) */

static volatile long counter;
static volatile int raised, main_after_raise, preempted_main, stop;
static volatile long worker_id;
static uint32_t main_cpu;	/* main's and the worker's CPU (affinity mask) */
static struct rb_thread *worker_thread;
static struct rb_thread *fillers[FILLERS];
static volatile int fillers_stop;
static unsigned fillers_started;

/* Spins at FILLER_PRIORITY until fillers_stop. */
static int filler(void *arg)
{
	(void)arg;
	/* Counted first: on one CPU dropping below main switches to it at once. */
	__atomic_fetch_add(&fillers_started, 1, __ATOMIC_SEQ_CST);
	rb_thread_set_priority(0, FILLER_PRIORITY);
	while (!fillers_stop)
		;
	return 0;
}

/* Starts the fillers and returns once each has run (it then drops to FILLER_PRIORITY). */
static int fillers_start(void)
{
	fillers_stop = 0;
	__atomic_store_n(&fillers_started, 0, __ATOMIC_SEQ_CST);
	for (int i = 0; i < FILLERS; i++) {
		fillers[i] = rb_thread_start(filler, NULL);
		if (!fillers[i])
			return 0;
	}
	while (__atomic_load_n(&fillers_started, __ATOMIC_SEQ_CST) < FILLERS)
		rb_yield();	/* on one CPU they start at main's priority, then drop */
	return 1;
}

/* Stops and joins the fillers: 1 when each ended with 0. */
static int fillers_end(void)
{
	int ok = 1;

	fillers_stop = 1;
	for (int i = 0; i < FILLERS; i++) {
		int status = -1;
		ok &= fillers[i] && rb_thread_wait(fillers[i], &status) == 0 && status == 0;
	}
	return ok;
}

/* Counts while it runs; notices when it ran before main got back from raising it. */
static int worker(void *arg)
{
	(void)arg;
	rb_thread_set_affinity(0, main_cpu);	/* beside main: priorities are per CPU */
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
	main_cpu = 1u << rb_cpu_current();
	check(rb_thread_set_affinity(0, main_cpu) == 0, "main stays on its CPU");
	check(fillers_start(), "fillers spin at 3 on every other CPU");
	worker_thread = rb_thread_start(worker, NULL);
	check(worker_thread != NULL, "worker started (at main's priority, 4)");
	while (!worker_id)
		rb_yield();	/* equal priorities: the worker gets its turn, then drops */
	check(counter == 0, "once the worker lowered itself to 2, main runs again");
	spin(SPIN_NS);
	spin(SPIN_NS);
	check(counter == 0, "a lower priority thread does not run while higher ones spin, timer or not");
	check(fillers_end(), "fillers stopped");
	/* Other tasks of default priority may run first: wait up to 2 s. */
	for (int i = 0; i < 200 && counter == 0; i++)
		rb_sleep_ns(10000000);
	check(counter > 0, "it runs once the higher one sleeps");
}

static void raised_thread_runs_at_once(void)
{
	check(fillers_start(), "fillers spin at 3 again");
	spin(SPIN_NS);		/* ticks: wherever the worker ran, it has been preempted */
	long before = counter;
	spin(SPIN_NS);
	check(counter == before, "the worker waits while main and the fillers spin");
	check(rb_thread_set_priority(0, FILLER_PRIORITY) == 0, "main steps back to 3");
	raised = 1;
	rb_thread_set_priority(worker_id, RB_PRIORITY_DEFAULT);
	main_after_raise = 1;
	check(preempted_main, "raising a thread above the caller runs it before the call returns");

	stop = 1;
	int status = -1;
	check(rb_thread_wait(worker_thread, &status) == 0 && status == 0, "worker joined");
	check(fillers_end(), "fillers stopped");
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
