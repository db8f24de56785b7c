/*
 * The file system calls picolibc's stdio and portable programs use, on a
 * system that has no file system yet: every path names nothing, so each
 * fails with ENOENT as POSIX says for a missing file (fopen, remove and
 * rename then fail the same way).  Calls for facilities Rainbow lacks altogether (fork,
 * execve, sigaction, getentropy, ...) are not defined at all, so that a
 * program using one fails to link and a configure check finds it absent
 * (docs/runtime.md).
 */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glue.h"

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

int rename(const char *from, const char *to)
{
	(void)from;
	(void)to;
	return __rb_syscall_ret(-ENOENT);
}
