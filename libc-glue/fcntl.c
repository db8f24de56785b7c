/*
 * fcntl (POSIX <fcntl.h>) on the descriptor table (fd.c): duplication,
 * close-on-exec, and the file status flags of an open file description.
 * Record locks are not supported: no file of the console or the file
 * server supports locking (docs/files.md), POSIX's EINVAL.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>

#include "fd.h"
#include "glue.h"

/* What F_GETFL reports: the access mode and the file status flags, without
 * the creation flags open took. */
#define STATUS_FLAGS (O_ACCMODE | O_APPEND | O_NONBLOCK | O_SYNC)

/*
 * F_SETFL on f: O_NONBLOCK may change on a file of the server, whose reads
 * and writes never wait for data anyway (as for a regular file elsewhere,
 * where it has no effect); on the console, whose reads wait for input, it
 * cannot be honoured.  O_APPEND is fixed at open (the server appends), so
 * changing it cannot be honoured either.  Other bits are ignored, as POSIX
 * says for the access mode and creation flags.  0 or -EINVAL.
 */
static long set_status(struct ofile *f, int flags)
{
	int now = __atomic_load_n(&f->flags, __ATOMIC_RELAXED);

	if ((flags ^ now) & O_APPEND)
		return -EINVAL;
	if ((flags ^ now) & O_NONBLOCK && __rb_fd_is_console(f))
		return -EINVAL;
	__atomic_store_n(&f->flags, (now & ~O_NONBLOCK) | (flags & O_NONBLOCK), __ATOMIC_RELAXED);
	return 0;
}

/*
 * cmd on descriptor fd, with an int argument for F_DUPFD, F_DUPFD_CLOEXEC,
 * F_SETFD and F_SETFL:
 *   F_DUPFD, F_DUPFD_CLOEXEC: the lowest free descriptor from the argument
 *     naming the same open file (close-on-exec for the second); EINVAL for
 *     an argument below 0 or from FD_MAX (64, _SC_OPEN_MAX), EMFILE when
 *     none is free;
 *   F_GETFD: FD_CLOEXEC or 0; F_SETFD: sets it from the argument's
 *     FD_CLOEXEC bit (what posix_spawn skips);
 *   F_GETFL: the access mode and O_APPEND, O_NONBLOCK, O_SYNC as set;
 *     F_SETFL: see set_status;
 *   F_GETLK, F_SETLK, F_SETLKW: EINVAL (no file supports locking);
 *   others: EINVAL.
 * Returns the command's value, or -1 with errno: EBADF for fd not open.
 */
int fcntl(int fd, int cmd, ...)
{
	struct ofile *f = __rb_fd_get(fd);
	va_list ap;
	int arg = 0;

	if (!f) {
		errno = EBADF;
		return -1;
	}
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_SETFD || cmd == F_SETFL) {
		va_start(ap, cmd);
		arg = va_arg(ap, int);
		va_end(ap);
	}
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg < 0 || arg >= FD_MAX)
			return (int)__rb_syscall_ret(-EINVAL);
		return (int)__rb_syscall_ret(__rb_fd_dup_from(fd, arg, cmd == F_DUPFD_CLOEXEC));
	case F_GETFD:
		return __rb_fd_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		return (int)__rb_syscall_ret(__rb_fd_set_cloexec(fd, arg & FD_CLOEXEC));
	case F_GETFL:
		return __atomic_load_n(&f->flags, __ATOMIC_RELAXED) & STATUS_FLAGS;
	case F_SETFL:
		return (int)__rb_syscall_ret(set_status(f, arg));
	default:
		return (int)__rb_syscall_ret(-EINVAL);
	}
}
