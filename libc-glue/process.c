/*
 * The task as a POSIX process: getpid names it (its task id), kill reaches
 * itself through picolibc's signal() and raise(), and its children (the
 * tasks it spawned, spawn.c) through rb_task_kill: SIGKILL ends one,
 * signal 0 checks that it exists.  Signals are not delivered across tasks,
 * so another signal to another task is EINVAL; a task that is not the
 * caller's child is EPERM (it cannot be signalled), and a pid of 0 or
 * below, a process group, ESRCH (there are none).
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "glue.h"

pid_t getpid(void)
{
	return (pid_t)rb_task_id();
}

/* 0, or -1 with errno EINVAL, EPERM or ESRCH. */
int kill(pid_t pid, int sig)
{
	if (sig < 0 || sig >= _NSIG)
		return __rb_syscall_ret(-EINVAL);
	if (pid == getpid())
		return sig ? raise(sig) : 0;
	if (pid <= 0)
		return __rb_syscall_ret(-ESRCH);
	if (sig != 0 && sig != SIGKILL)
		return __rb_syscall_ret(-EINVAL);
	return __rb_syscall_ret(rb_task_kill(pid, sig ? 0 : RB_TASK_PROBE));
}
