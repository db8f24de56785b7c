/*
 * System calls about other tasks: rb_task_spawn, rb_task_wait,
 * rb_task_kill (process.h).
 */
#include "syscall_handlers.h"
#include "process.h"
#include "loader.h"
#include "cmdline.h"
#include "uaccess.h"
#include "user_layout.h"
#include "tcb.h"
#include "log.h"
#include <errno.h>
#include <rainbow/types.h>

/* The arguments and environment of a spawn, copied in: one page of strings at most. */
struct spawn_words {
	char strings[USER_PAGE_SIZE];
	size_t used;
	const char *argv[CMDLINE_ARGS_MAX];
	const char *envp[CMDLINE_ENV_MAX];
};

/*
 * Copies the NULL-terminated user array of strings at list into *out,
 * at most max of them; their number, or -EFAULT, or -E2BIG when they do
 * not fit.
 */
static long copy_words(struct spawn_words *w, uint64_t list, const char **out, unsigned max)
{
	for (unsigned n = 0;; n++) {
		uint64_t s;
		if (copy_from_user(&s, list + n * sizeof(s), sizeof(s)))
			return -EFAULT;
		if (!s)
			return n;
		if (n == max)
			return -E2BIG;
		long error = copy_string_from_user(w->strings + w->used, s, sizeof(w->strings) - w->used);
		if (error)
			return error == -ENAMETOOLONG ? -E2BIG : error;
		out[n] = w->strings + w->used;
		while (w->strings[w->used++])
			;
	}
}

struct spawn {
	struct loader_program program;
	const char *why;
	long error;
};

/* Runs with the image open in place (user_read_in_place). */
static long spawn_from(void *ctx, const void *image)
{
	struct spawn *s = ctx;

	s->program.image = image;
	struct task *t = loader_start(&s->program, &s->why, &s->error);
	if (!t)
		return s->error;
	process_adopt(t, current->task);
	return t->id;
}

long sys_task_spawn(const uint64_t arg[6])
{
	uint64_t image = arg[0], size = arg[1], argv = arg[2], envp = arg[3];
	static struct spawn_words words;
	static struct spawn s;

	words.used = 0;
	long argc = argv ? copy_words(&words, argv, words.argv, CMDLINE_ARGS_MAX) : -EINVAL;
	if (argc == 0)
		argc = -EINVAL;		/* argv[0] names the task */
	if (argc < 0)
		return argc;
	long envc = envp ? copy_words(&words, envp, words.envp, CMDLINE_ENV_MAX) : 0;
	if (envc < 0)
		return envc;
	if (size > RB_SPAWN_IMAGE_MAX)
		return -EFBIG;		/* before the range check, whose time grows with size */
	if (current->task->children >= TASK_CHILDREN_MAX)
		return -EAGAIN;
	s.program = (struct loader_program){
		.size = size, .name = words.argv[0],
		.argv = words.argv, .argc = (unsigned)argc,
		.envp = words.envp, .envc = (unsigned)envc,
		.spawner = current->task,
	};
	s.why = NULL;
	long r = user_read_in_place(image, size, spawn_from, &s);
	if (r < 0 && s.why)
		klog("spawn of %s by task %s refused: %s", words.argv[0], current->task->name, s.why);
	return r;
}

long sys_task_wait(const uint64_t arg[6])
{
	long id = (long)arg[0];
	uint64_t status_ptr = arg[1], flags = arg[2];
	int status;

	if (flags & ~(uint64_t)RB_TASK_NOHANG || (id < 1 && id != -1))
		return -EINVAL;
	if (status_ptr && !user_range_ok(status_ptr, sizeof(int), true))
		return -EFAULT;
	long r = process_wait(id, flags & RB_TASK_NOHANG, &status);
	/* Checked above; only another thread unmapping it meanwhile fails here,
	 * and then the child is collected all the same. */
	if (r > 0 && status_ptr && copy_to_user(status_ptr, &status, sizeof(status)))
		return -EFAULT;
	return r;
}

long sys_task_kill(const uint64_t arg[6])
{
	long id = (long)arg[0];
	uint64_t flags = arg[1];

	if (flags & ~(uint64_t)RB_TASK_PROBE)
		return -EINVAL;
	return process_kill(id, flags & RB_TASK_PROBE);
}
