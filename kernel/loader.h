#ifndef LOADER_H
#define LOADER_H

#include <stdbool.h>
#include <stddef.h>

struct task;

/*
 * A program to start: an ELF image the kernel can read, its name and what
 * its initial stack carries (ustack.h's limits: CMDLINE_ARGS_MAX arguments,
 * CMDLINE_ENV_MAX environment words, all within one page).
 */
struct loader_program {
	const void *image;
	size_t size;			/* bytes of image */
	const char *name;		/* the task's name (cut to TASK_NAME_MAX - 1) */
	const char *const *argv;
	unsigned argc;
	const char *const *envp;
	unsigned envc;
	/* rb_task_spawn's caller: charged the task's record (task_create) and, through
	 * the family's chain, its memory; NULL for a boot module. */
	struct task *spawner;
	bool image_stays;		/* image outlives the task (a boot module): kept to symbolize faults */
};

/*
 * The one path from an ELF image to a running task, for boot modules and
 * rb_task_spawn alike: check the image (elf_check.c, every check before the
 * task exists), create the task, map each segment with its own rights
 * (never writable and executable) charged to the new task, build the
 * initial stack, start the main thread.  A failure after the task exists
 * (out of memory, over its limit) undoes it whole.
 * Returns the task; NULL with *why a reason for the log line and *error a
 * negative errno: -ENOEXEC a refused image, -E2BIG arguments that do not
 * fit on the initial stack, -EAGAIN no room for the record in the
 * spawner's limit, no task id, or over the new task's memory limit, -ENOMEM the machine's memory.  Time: linear in the bytes
 * the segments copy, which the new task's limit bounds, plus the size of
 * the program headers.
 */
struct task *loader_start(const struct loader_program *program, const char **why, long *error);

/*
 * Load module number index, image[0..size), as a new task.  string is
 * GRUB's module string, "[NAME=value ...] name args..." (cmdline.h).  A
 * module that cannot run is refused with one log line naming it (its
 * name, or "moduleN" without one) and the reason; the rest of the bundle
 * goes on.
 */
void loader_start_module(const void *image, size_t size, const char *string, unsigned index);

#endif
