/*
 * POSIX calls picolibc or portable programs use that Rainbow has nothing
 * behind: no file system, no processes made by copying, no asynchronous
 * signals, no process times, no entropy source.  Each fails as POSIX says
 * such a system would.
 */
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <unistd.h>

#include "glue.h"

/* No file system: no path names anything. */
int open(const char *path, int flags, ...)
{
	(void)path;
	(void)flags;
	return __rb_syscall_ret(-ENOENT);
}

int stat(const char *restrict path, struct stat *restrict st)
{
	(void)path;
	(void)st;
	return __rb_syscall_ret(-ENOENT);
}

int unlink(const char *path)
{
	(void)path;
	return __rb_syscall_ret(-ENOENT);
}

/* Tasks come from the boot bundle only. */
pid_t fork(void)
{
	return __rb_syscall_ret(-ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	return __rb_syscall_ret(-ENOSYS);
}

/* Only raise() delivers signals, synchronously, to signal() handlers. */
int sigaction(int sig, const struct sigaction *restrict act,
	      struct sigaction *restrict old)
{
	(void)sig;
	(void)act;
	(void)old;
	return __rb_syscall_ret(-ENOSYS);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	(void)how;
	(void)set;
	(void)old;
	return __rb_syscall_ret(-ENOSYS);
}

/* The kernel keeps no per-task CPU time; clock() then returns -1. */
clock_t times(struct tms *buf)
{
	(void)buf;
	return (clock_t)__rb_syscall_ret(-ENOSYS);
}

int getentropy(void *buf, size_t len)
{
	(void)buf;
	(void)len;
	return __rb_syscall_ret(-ENOSYS);
}
