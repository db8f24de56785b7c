/*
 * The task as a POSIX process.  Signals exist only inside a task: picolibc's
 * signal() and raise() deliver them, so kill() can reach the caller only.
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

int kill(pid_t pid, int sig)
{
	if (pid != getpid())
		return __rb_syscall_ret(-ENOSYS);
	return raise(sig);
}
