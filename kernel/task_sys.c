/* System calls about tasks as a whole: rb_exit, rb_task_id, rb_task_alive. */
#include "syscall_handlers.h"
#include "task.h"
#include "tcb.h"
#include <errno.h>

long sys_exit(const uint64_t arg[6])
{
	int status = (int)arg[0];

	task_end(current->task, status, false);
	return 0;
}

long sys_task_id(const uint64_t arg[6])
{
	(void)arg;		/* no arguments */
	return current->task->id;
}

long sys_task_alive(const uint64_t arg[6])
{
	long key = (long)arg[0];

	if (key <= 0)
		return -EINVAL;
	struct task *t = task_by_id(key & TASK_KEY_ID_MASK);
	return t && !t->done && task_key(t) == key;
}
