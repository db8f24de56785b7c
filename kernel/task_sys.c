/* System calls about the calling task as a whole: rb_exit, rb_task_id. */
#include "syscall_handlers.h"
#include "task.h"
#include "tcb.h"

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
