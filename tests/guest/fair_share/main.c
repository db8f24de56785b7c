/*
 * CPU fairness between tasks (issue 10): `fair_share hostile` spins in 128
 * threads, `fair_share` (the bystander) in one, all at the default
 * priority.  Time is shared round robin over tasks, then over a task's
 * threads, so the bystander must get about half of the CPU; with round
 * robin over threads it got 1/129.  The hostile task publishes a name once
 * its 128 threads spin; the bystander then measures its own CPU time
 * (RB_CPU_THREAD, sampled by the timer tick) against elapsed time, and
 * prints TAP.
 *
 * `fair_share spawner` is the hostile family: it spawns 31 spinning
 * children (spawn_child, embedded as in test_spawn) and spins itself.  A
 * family shares one fair share, so the bystander again gets about half;
 * with a share per task it got 1/33.  Its exit ends the children.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"
#include "embed.h"

/* The child program (tests/guest/spawn_child), embedded at build time (mk/tests.mk). */
EMBED_IMAGE(child_image, SPAWN_CHILD);

#define HOSTILE_THREADS 128			/* the task limit, main included */
#define HOSTILE_CHILDREN 31			/* spinning children of `fair_share spawner` */
#define HOSTILE_NAME    "fair.hostile"		/* published once they all spin */
#define HOSTILE_SPIN_NS RB_SECONDS(4)		/* then the hostile task exits */
#define WINDOW_NS       RB_SECONDS(1)		/* the bystander's measurement */
#define LOWER_BOUND_PCT 30			/* of the CPU; fair is 50, round robin over threads gave under 1 */

static volatile uint64_t hostile_end;	/* 0 until every thread is started */

static void spin_until(uint64_t end)
{
	while (rb_clock_monotonic_ns() < end)
		;
}

/* Yields until all are started (so that starting them is quick), then spins. */
static int spinner(void *unused)
{
	(void)unused;
	while (!hostile_end)
		rb_yield();
	spin_until(hostile_end);
	return 0;
}

static int hostile(void)
{
	long port = rb_port_create();
	long handle = port < 0 ? port : rb_port_mint(port, 0);
	unsigned started = 1;

	while (started < HOSTILE_THREADS && rb_thread_start(spinner, NULL))
		started++;
	hostile_end = rb_clock_monotonic_ns() + HOSTILE_SPIN_NS;
	printf("fair_share hostile: %u threads spin\n", started);
	if (handle < 0 || rb_ns_register(HOSTILE_NAME, handle) != 0)
		return 1;
	spin_until(hostile_end);
	return started == HOSTILE_THREADS ? 0 : 1;	/* exit ends the spinners too */
}


static int spawner(void)
{
	static const char *const argv[] = { "spawn_child", "spin", NULL };
	long port = rb_port_create();
	long handle = port < 0 ? port : rb_port_mint(port, 0);
	unsigned started = 0;

	while (started < HOSTILE_CHILDREN &&
	       rb_task_spawn(child_image, (size_t)(child_image_end - child_image), argv, NULL) > 0)
		started++;
	printf("fair_share spawner: %u children spin\n", started);
	if (handle < 0 || rb_ns_register(HOSTILE_NAME, handle) != 0)
		return 1;
	spin_until(rb_clock_monotonic_ns() + HOSTILE_SPIN_NS);
	return started == HOSTILE_CHILDREN ? 0 : 1;	/* its end ends the children */
}

static int bystander(void)
{
	long found = rb_ns_lookup_wait(HOSTILE_NAME, RB_SECONDS(20));

	if (!check(found >= 0, "the hostile task's threads or children spin"))
		return tap_done();
	long cpu0 = rb_cpu_time_ns(RB_CPU_THREAD);
	uint64_t start = rb_clock_monotonic_ns();
	spin_until(start + WINDOW_NS);
	long cpu = rb_cpu_time_ns(RB_CPU_THREAD) - cpu0;
	uint64_t elapsed = rb_clock_monotonic_ns() - start;
	unsigned pct = (unsigned)((uint64_t)cpu * 100 / elapsed);

	printf("# bystander: %ld ms of CPU in %llu ms (%u%%)\n", cpu / 1000000,
	       (unsigned long long)(elapsed / 1000000), pct);
	check(cpu0 >= 0 && cpu >= 0, "rb_cpu_time_ns works");
	check(pct >= LOWER_BOUND_PCT,
	      "a one-thread task gets at least 30% of the CPU beside a hostile family (fair: 50%)");
	return tap_done();
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "hostile") == 0)
		return hostile();
	if (argc == 2 && strcmp(argv[1], "spawner") == 0)
		return spawner();
	return bystander();
}
