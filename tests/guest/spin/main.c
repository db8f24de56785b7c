/*
 * Spins for argv[1] milliseconds without entering the kernel (the clock is
 * read from the vDSO data page), so only timer preemption lets other tasks
 * run meanwhile.  The preemption test boots two of them.  With argv[2],
 * it first moves to that CPU (tests/boot/smp.sh).
 */
#include <stdio.h>
#include <stdlib.h>
#include <rainbow/syscall.h>

int main(int argc, char **argv)
{
	long ms = argc > 1 ? atol(argv[1]) : 200;

	if (argc > 2) {
		long error = rb_thread_set_affinity(0, 1u << atoi(argv[2]));
		if (error) {
			printf("spin %ld: rb_thread_set_affinity: %ld\n", rb_task_id(), error);
			return 1;
		}
	}
	uint64_t end = rb_clock_monotonic_ns() + (uint64_t)ms * 1000000;

	printf("spin %ld: started\n", rb_task_id());
	while (rb_clock_monotonic_ns() < end)
		;
	printf("spin %ld: done after %ld ms\n", rb_task_id(), ms);
	return 0;
}
