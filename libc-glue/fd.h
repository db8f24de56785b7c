/*
 * The descriptor table (fd.c).  Not installed.  A descriptor names an open
 * file description: the console, or a file of the file server through its
 * handle; dup shares one, with its offset (kept by the server).
 */
#ifndef RAINBOW_FD_H
#define RAINBOW_FD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Descriptors per task: the handles a task has room for (docs/limits.md). */
#define FD_MAX 64

struct ofile {
	long handle;		/* the server's handle; 0 for the console */
	unsigned refs;		/* descriptors naming it */
	int flags;		/* O_* as opened */
	uint32_t mode;		/* st_mode when opened */
	char *path;		/* a directory's absolute path, for openat; else NULL */
};

/* The open file of fd, or NULL (EBADF). */
struct ofile *__rb_fd_get(int fd);

/* The console's calls for files of the server (fd.c): -errno on failure. */
ssize_t __rb_file_read(int fd, void *buf, size_t len);
ssize_t __rb_file_write(int fd, const void *buf, size_t len);
off_t __rb_file_lseek(int fd, off_t offset, int whence);
long __rb_file_fstat(int fd, struct stat *st);
long __rb_file_close(int fd);

#endif
