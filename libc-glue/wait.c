/*
 * wait and waitpid over rb_task_wait: a task's children are the tasks it
 * spawned.  The kernel's status becomes POSIX's: an exit status
 * (WIFEXITED, WEXITSTATUS) or, for a killed child, SIGKILL (WIFSIGNALED,
 * WTERMSIG), whatever killed it (rb_task_kill, a fault, a deadlock).
 * Nothing stops a task, so WUNTRACED and WCONTINUED report nothing more.
 * Process groups do not exist: pid 0 is any child, like -1, and a pid
 * below -1 has no child (ECHILD).
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#include <rainbow/syscall.h>

#include "glue.h"

#ifndef WCONTINUED
#define WCONTINUED 8	/* POSIX's, which picolibc lacks: accepted, never reported */
#endif

/* Returns the child's id, 0 under WNOHANG, or -1 with errno: ECHILD, EINVAL (options), EFAULT. */
pid_t waitpid(pid_t pid, int *stat_loc, int options)
{
	int status;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return (pid_t)__rb_syscall_ret(-EINVAL);
	if (pid < -1)
		return (pid_t)__rb_syscall_ret(-ECHILD);
	long id = rb_task_wait(pid <= 0 ? -1 : pid, &status,
			       options & WNOHANG ? RB_TASK_NOHANG : 0);
	if (id > 0 && stat_loc)
		*stat_loc = status & RB_TASK_KILLED ? SIGKILL : (status & 0xff) << 8;
	return (pid_t)__rb_syscall_ret(id);
}

pid_t wait(int *stat_loc)
{
	return waitpid(-1, stat_loc, 0);
}
