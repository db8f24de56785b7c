/*
 * The POSIX file descriptor calls on the console: descriptors 0, 1 and 2
 * until dup2 replaces them, and any opened on /dev/console, readable and
 * writable like a terminal.  Other descriptors are the file server's
 * (fd.c).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "fd.h"
#include "glue.h"

ssize_t write(int fd, const void *buf, size_t nbyte)
{
	if (!__rb_is_console_fd(fd))
		return __rb_syscall_ret(__rb_file_write(fd, buf, nbyte));
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
		return __rb_syscall_ret(__rb_file_read(fd, buf, nbyte));
	__rb_stdout_flush();
	return __rb_syscall_ret(rb_console_read(buf, nbyte, 0));
}

int isatty(int fd)
{
	if (__rb_is_console_fd(fd))
		return 1;
	__rb_syscall_ret(__rb_fd_get(fd) ? -ENOTTY : -EBADF);
	return 0;
}

/* The console outlives any close of 0, 1 or 2: there is nothing to release. */
int close(int fd)
{
	if (__rb_is_console_fd(fd) && fd <= 2)
		return 0;
	return __rb_syscall_ret(__rb_file_close(fd));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return __rb_syscall_ret(__rb_is_console_fd(fd) ? -ESPIPE : __rb_file_lseek(fd, offset, whence));
}

int fstat(int fd, struct stat *st)
{
	if (!__rb_is_console_fd(fd))
		return __rb_syscall_ret(__rb_file_fstat(fd, st));
	memset(st, 0, sizeof *st);
	st->st_mode = S_IFCHR | S_IRUSR | S_IWUSR;
	return 0;
}
