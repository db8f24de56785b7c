/*
 * A process from start to end: rb_task_spawn of apps/true (embedded here,
 * so the figure is the kernel's and the runtime's, not a file read), then
 * rb_task_wait for its status.  One sample covers the ELF check, the task
 * and its address space, the segments' copy, the child's whole run (crt,
 * picolibc's start, exit) and the parent's wake.  Linux's counterpart is
 * posix_spawn + waitpid of a tiny static program (anchors).
 */
#include <stddef.h>

#include <rainbow/syscall.h>

#include "bench.h"

__asm__(".section .rodata\n"
	".balign 4096\n"
	"true_image:\n"
	".incbin \"" BENCH_TRUE "\"\n"
	"true_image_end:\n"
	".previous\n");
extern const char true_image[], true_image_end[];

static long spawn_wait(void)
{
	static const char *const argv[] = { "true", NULL };
	int status;
	long id = rb_task_spawn(true_image, (size_t)(true_image_end - true_image), argv, NULL);

	if (id < 0)
		return id;
	id = rb_task_wait(id, &status, 0);
	return id < 0 ? id : status ? -1 : 0;
}

void bench_spawn_wait(void)
{
	bench_finish("spawn_wait", "rb_task_spawn + rb_task_wait", bench_time(spawn_wait), 1);
}
