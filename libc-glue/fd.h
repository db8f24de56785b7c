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

/*
 * For posix_spawn (spawn_fds.c) and the descriptors a task inherits
 * (fd_inherit.c); docs/files.md, "Inheriting descriptors".
 */
/* path opened at the server, in no descriptor: its open file (one
 * reference, the console's for /dev/console), or NULL with *err -errno. */
struct ofile *__rb_fd_open(const char *path, int flags, mode_t mode, long *err);
/* Drops one reference to f (the last closes it at the server). */
void __rb_fd_release(struct ofile *f);
/* Whether f is the console. */
bool __rb_fd_is_console(const struct ofile *f);
/* Whether descriptor fd is close-on-exec (O_CLOEXEC): not inherited. */
bool __rb_fd_cloexec(int fd);
/* fcntl (fcntl.c): the lowest free descriptor from min naming fd's open
 * file, close-on-exec or not: the number, or -EBADF, -EMFILE. */
long __rb_fd_dup_from(int fd, int min, bool close_on_exec);
/* fcntl: makes fd close-on-exec or not: 0, or -EBADF. */
long __rb_fd_set_cloexec(int fd, bool on);
/* RB_FS_SHARE: a key another task can adopt f's copy by; 0 or -errno. */
long __rb_fd_share(const struct ofile *f, uint64_t *key);
/* RB_FS_ADOPT: the share of key as descriptor fd (replacing what fd was),
 * not close-on-exec; 0, or -EBADF (no such share, or fd out of range),
 * -EMFILE, -ENOMEM, -EIO. */
long __rb_fd_adopt(uint64_t key, int fd);
/* The console as descriptor fd (replacing what fd was): 0 or -EBADF. */
long __rb_fd_put_console(int fd);
/* Takes what the spawner handed down, from the environment, and the kernel's
 * words out of it, before main. */
void __rb_fd_inherit(void);

#endif
