/*
 * Killing a task whose threads run on other CPUs leaves every CPU whole
 * (outside finding): such a thread is switched away by the interrupt that
 * brings its CPU into the kernel (the kick task_end sends, or a tick),
 * and that interrupt must still be acknowledged, or the CPU takes no
 * more ticks and kicks (on the boot CPU: no sleeper ever wakes again).
 * Five times: spawn a child whose four threads spin in user mode, let it
 * run, kill it and collect it; then ten sleeps of 10 ms must each end in
 * under a second; and every CPU must run threads again (this one, pinned
 * to each in turn, sleeps and wakes there).
 * tests/guest/kill_running.sh runs it on four CPUs and on one.
 */
#include <stdint.h>
#include <stdio.h>
#include <rainbow/syscall.h>

#include "embed.h"
#include "tap.h"

EMBED_IMAGE(child_image, SPAWN_CHILD);

#define ROUNDS 5
#define SLEEPS 10

int main(void)
{
	static const char *const argv[] = { "spawn_child", "spinners", "3", NULL };
	unsigned killed = 0, slow = 0, visits = 0, cpus = 0;
	uint64_t longest = 0;

	for (unsigned round = 0; round < ROUNDS; round++) {
		long id = rb_task_spawn(child_image, (size_t)(child_image_end - child_image), argv, NULL);
		int status = 0;
		uint64_t t0 = rb_clock_monotonic_ns();

		while (rb_clock_monotonic_ns() - t0 < (20 + 17 * round) * 1000000ull)
			;	/* the child's threads spread and spin meanwhile */
		killed += id > 0 && rb_task_kill(id, 0) == 0 && rb_task_wait(id, &status, 0) == id &&
			  (status & RB_TASK_KILLED);
		for (unsigned i = 0; i < SLEEPS; i++) {
			uint64_t s0 = rb_clock_monotonic_ns();
			rb_sleep_ns(10000000ull);
			uint64_t took = rb_clock_monotonic_ns() - s0;
			longest = took > longest ? took : longest;
			slow += took >= 1000000000ull;
		}
	}
	/* Every CPU still runs threads: this one, pinned to each in turn. */
	for (unsigned cpu = 0; cpu < 32; cpu++) {
		if (rb_thread_set_affinity(0, 1u << cpu) < 0)
			break;
		cpus++;
		rb_sleep_ns(1000000ull);	/* off the CPU and back, by its own queue */
		visits += rb_cpu_current() == (long)cpu;
	}
	printf("# %u CPUs, longest sleep of 10 ms %lu us\n", cpus, (unsigned long)(longest / 1000));
	check(killed == ROUNDS, "5 children, their threads spinning, killed and collected");
	check(slow == 0, "every sleep of 10 ms after a kill ended within a second");
	check(cpus > 0 && visits == cpus, "every CPU runs threads after the kills");
	return tap_done();
}
