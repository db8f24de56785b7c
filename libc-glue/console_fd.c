/*
 * The POSIX file descriptor calls, on the only descriptors there are: 0, 1
 * and 2, all three the console, readable and writable like a terminal.
 * Anything else is EBADF.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "glue.h"

ssize_t write(int fd, const void *buf, size_t nbyte)
{
	if (!__rb_is_console_fd(fd))
		return __rb_syscall_ret(-EBADF);
	__rb_stdout_flush();
	/* The console takes RB_CONSOLE_WRITE_MAX bytes a call: write it all. */
	size_t done = 0;
	while (done < nbyte) {
		long n = rb_console_write((const char *)buf + done, nbyte - done);
		if (n < 0)
			return __rb_syscall_ret(n);
		done += (size_t)n;
	}
	return (ssize_t)done;
}

ssize_t read(int fd, void *buf, size_t nbyte)
{
	if (!__rb_is_console_fd(fd))
		return __rb_syscall_ret(-EBADF);
	__rb_stdout_flush();
	return __rb_syscall_ret(rb_console_read(buf, nbyte, 0));
}

int isatty(int fd)
{
	if (__rb_is_console_fd(fd))
		return 1;
	__rb_syscall_ret(-EBADF);
	return 0;
}

/* The console outlives any close: there is nothing to release. */
int close(int fd)
{
	return __rb_syscall_ret(__rb_is_console_fd(fd) ? 0 : -EBADF);
}

off_t lseek(int fd, off_t offset, int whence)
{
	(void)offset;
	(void)whence;
	return __rb_syscall_ret(__rb_is_console_fd(fd) ? -ESPIPE : -EBADF);
}

int fstat(int fd, struct stat *st)
{
	if (!__rb_is_console_fd(fd))
		return __rb_syscall_ret(-EBADF);
	memset(st, 0, sizeof *st);
	st->st_mode = S_IFCHR | S_IRUSR | S_IWUSR;
	return 0;
}
