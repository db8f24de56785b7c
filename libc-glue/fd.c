/*
 * POSIX descriptors over the file server (fd.h, docs/files.md): open,
 * openat, creat, dup, dup2, pread, pwrite, ftruncate, fsync, fchmod,
 * fchown, and the file side of read, write, lseek, fstat and close, whose
 * console side is console_fd.c.  Descriptors 0, 1 and 2 are the console
 * until dup2 puts another file there.  Data moves in one round trip per
 * RB_FS_WINDOW_MAX bytes: the server copies straight from or into the
 * caller's buffer, lent as the call's window (RB_TAG_WINDOW).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/fs.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "fd.h"
#include "fs_client.h"
#include "glue.h"

static struct ofile console = { .handle = 0, .refs = 3, .flags = O_RDWR, .mode = S_IFCHR | 0600 };
static struct ofile *fds[FD_MAX] = { &console, &console, &console };
static uint64_t cloexec;	/* bit fd: the descriptor is not inherited (O_CLOEXEC) */
static uint32_t fds_lock;
_Static_assert(FD_MAX <= 64, "a bit per descriptor in cloexec");

struct ofile *__rb_fd_get(int fd)
{
	return fd >= 0 && fd < FD_MAX ? __atomic_load_n(&fds[fd], __ATOMIC_ACQUIRE) : NULL;
}

bool __rb_is_console_fd(int fd)
{
	return __rb_fd_get(fd) == &console;
}

/* Drops one reference; the last closes the file at the server. */
static void release(struct ofile *f)
{
	if (f == &console || --f->refs)
		return;
	__rb_fs_call(f->handle, RB_FS_CLOSE, 0, 0);
	rb_handle_close(f->handle);
	free(f->path);
	free(f);
}

/* The lowest free descriptor from min naming f: the number, or -EMFILE. */
static int install(struct ofile *f, int min, bool close_on_exec)
{
	__rb_word_lock(&fds_lock);
	for (int fd = min; fd < FD_MAX; fd++) {
		if (fds[fd])
			continue;
		f->refs++;
		cloexec = (cloexec & ~(1ull << fd)) | (uint64_t)close_on_exec << fd;
		__atomic_store_n(&fds[fd], f, __ATOMIC_RELEASE);
		__rb_word_unlock(&fds_lock);
		return fd;
	}
	__rb_word_unlock(&fds_lock);
	return -EMFILE;
}

/* Puts f at fd (a reference more), not close-on-exec, releasing what fd named. */
static void put(int fd, struct ofile *f)
{
	__rb_word_lock(&fds_lock);
	struct ofile *old = fds[fd];
	f->refs++;
	cloexec &= ~(1ull << fd);
	__atomic_store_n(&fds[fd], f, __ATOMIC_RELEASE);
	__rb_word_unlock(&fds_lock);
	if (old)
		release(old);
}

/* Opens abs (absolute) at the server: a new open file, or NULL with *err. */
static struct ofile *open_abs(const char *abs, int flags, mode_t mode, long *err)
{
	uint64_t words[2] = { (unsigned)flags, mode };
	struct ofile *f = calloc(1, sizeof *f);

	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = __rb_fs_path_call(RB_FS_OPEN, words, 2, abs);
	if (*err < 0) {
		free(f);
		return NULL;
	}
	const uint64_t *mr = rb_utcb()->mr;
	*f = (struct ofile){ .handle = (long)mr[0], .flags = flags, .mode = (uint32_t)mr[1] };
	struct rb_fs_stat *st = (struct rb_fs_stat *)rb_utcb()->mr;
	if (S_ISCHR(f->mode) && __rb_fs_call(f->handle, RB_FS_FSTAT, 0, 0) >= 0 &&
	    st->rdev == RB_FS_DEV_CONSOLE) {
		__rb_fs_call(f->handle, RB_FS_CLOSE, 0, 0);
		rb_handle_close(f->handle);
		free(f);
		return &console;	/* the console: read and written here */
	}
	if (S_ISDIR(f->mode))
		f->path = strdup(abs);
	return f;
}

struct ofile *__rb_fd_open(const char *path, int flags, mode_t mode, long *err)
{
	char abs[RB_FS_PATH_MAX];

	*err = __rb_fs_absolute(path, abs);
	struct ofile *f = *err ? NULL : open_abs(abs, flags, mode, err);
	if (f && f != &console)
		f->refs = 1;		/* the caller's, as a descriptor's would be */
	return f;
}

void __rb_fd_release(struct ofile *f)
{
	release(f);
}

bool __rb_fd_is_console(const struct ofile *f)
{
	return f == &console;
}

bool __rb_fd_cloexec(int fd)
{
	return fd >= 0 && fd < FD_MAX && (__atomic_load_n(&cloexec, __ATOMIC_RELAXED) >> fd & 1);
}

long __rb_fd_dup_from(int fd, int min, bool close_on_exec)
{
	struct ofile *f = __rb_fd_get(fd);

	return f ? install(f, min, close_on_exec) : -EBADF;
}

long __rb_fd_set_cloexec(int fd, bool on)
{
	long err = 0;

	__rb_word_lock(&fds_lock);
	if (fd < 0 || fd >= FD_MAX || !fds[fd])
		err = -EBADF;
	else
		__atomic_store_n(&cloexec, (cloexec & ~(1ull << fd)) | (uint64_t)on << fd,
				 __ATOMIC_RELAXED);
	__rb_word_unlock(&fds_lock);
	return err;
}

long __rb_fd_share(const struct ofile *f, uint64_t *key)
{
	long r = __rb_fs_call(f->handle, RB_FS_SHARE, 0, 0);

	if (r >= 0)
		*key = rb_utcb()->mr[0];
	return r < 0 ? r : 0;
}

long __rb_fd_adopt(uint64_t key, int fd)
{
	struct ofile *f = fd >= 0 && fd < FD_MAX ? calloc(1, sizeof *f) : NULL;
	const uint64_t *mr = rb_utcb()->mr;

	if (!f)
		return fd >= 0 && fd < FD_MAX ? -ENOMEM : -EBADF;
	long r = __rb_fs_session();
	if (r >= 0) {
		rb_utcb()->mr[0] = key;
		r = __rb_fs_call(r, RB_FS_ADOPT, 0, 1);
	}
	if (r < 0) {
		free(f);
		return r;
	}
	*f = (struct ofile){ .handle = (long)mr[0], .flags = (int)mr[2], .mode = (uint32_t)mr[1] };
	put(fd, f);
	return 0;
}

long __rb_fd_put_console(int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return -EBADF;
	put(fd, &console);
	return 0;
}

/* Descriptors a spawner handed down, the kernel's words gone (fd_inherit.c), before main. */
__attribute__((constructor)) static void inherit(void)
{
	__rb_fd_inherit();
}

static int open_at(const char *base, const char *path, int flags, mode_t mode)
{
	char abs[RB_FS_PATH_MAX];
	long err = 0;

	if (base && path[0] && path[0] != '/') {
		if (strlen(base) + 1 + strlen(path) >= sizeof abs)
			return __rb_syscall_ret(-ENAMETOOLONG);
		strcpy(abs, base);
		strcat(strcat(abs, "/"), path);
	} else {
		err = __rb_fs_absolute(path, abs);
	}
	struct ofile *f = err ? NULL : open_abs(abs, flags, mode, &err);
	if (!f)
		return __rb_syscall_ret(err);
	int fd = install(f, 0, flags & O_CLOEXEC);
	if (fd < 0) {
		f->refs++;
		release(f);
	}
	return __rb_syscall_ret(fd);
}

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return open_at(NULL, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	const char *base = NULL;

	if (flags & O_CREAT) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (dirfd != AT_FDCWD && path[0] != '/') {
		struct ofile *d = __rb_fd_get(dirfd);
		if (!d)
			return __rb_syscall_ret(-EBADF);
		if (!d->path)
			return __rb_syscall_ret(-ENOTDIR);
		base = d->path;
	}
	return open_at(base, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

long __rb_file_close(int fd)
{
	__rb_word_lock(&fds_lock);
	struct ofile *f = __rb_fd_get(fd);
	if (f)
		fds[fd] = NULL;
	__rb_word_unlock(&fds_lock);
	if (!f)
		return -EBADF;
	release(f);
	return 0;
}

int dup(int fd)
{
	struct ofile *f = __rb_fd_get(fd);

	return __rb_syscall_ret(f ? install(f, 0, false) : -EBADF);
}

int dup2(int fd, int fd2)
{
	struct ofile *f = __rb_fd_get(fd);

	if (!f || fd2 < 0 || fd2 >= FD_MAX)
		return __rb_syscall_ret(-EBADF);
	if (fd == fd2)
		return fd2;
	put(fd2, f);
	return fd2;
}

/* The server file of fd, or NULL: the console is none. */
static struct ofile *server_file(int fd)
{
	struct ofile *f = __rb_fd_get(fd);

	return f && f != &console ? f : NULL;
}

/*
 * One request of the data path: op with its n words (an offset, then the
 * byte count), buf lent as the window with rights (docs/files.md).  The
 * count the server took or gave, or -errno; never more than len.
 */
static long data_call(const struct ofile *f, unsigned op, off_t off, const void *buf, size_t len,
		      unsigned rights)
{
	uint64_t *mr = rb_utcb()->mr;
	unsigned n = 0;

	if (off >= 0)
		mr[n++] = (uint64_t)off;
	mr[n++] = len;
	long got = __rb_fs_window_call(f->handle, op, n, buf, len, rights);
	return got >= 0 && (size_t)got > len ? -EIO : got;	/* a server that says more than asked */
}

/*
 * Reads at offset off (pread), or at the file's own offset when off < 0:
 * the server writes straight into buf, RB_FS_WINDOW_MAX bytes a round
 * trip.
 */
static ssize_t read_at(int fd, void *buf, size_t len, off_t off)
{
	struct ofile *f = server_file(fd);
	size_t done = 0;

	if (!f)
		return -EBADF;
	while (done < len) {
		size_t want = len - done < RB_FS_WINDOW_MAX ? len - done : RB_FS_WINDOW_MAX;
		long n = data_call(f, off < 0 ? RB_FS_READ : RB_FS_PREAD, off < 0 ? off : off + (off_t)done,
				   (char *)buf + done, want, RB_WINDOW_WRITE);
		if (n < 0)
			return done ? (ssize_t)done : n;
		done += (size_t)n;
		if ((size_t)n < want)
			break;
	}
	return (ssize_t)done;
}

/* Writes likewise: the server reads straight from buf. */
static ssize_t write_at(int fd, const void *buf, size_t len, off_t off)
{
	struct ofile *f = server_file(fd);
	size_t done = 0;

	if (!f)
		return -EBADF;
	do {
		size_t part = len - done < RB_FS_WINDOW_MAX ? len - done : RB_FS_WINDOW_MAX;
		long n = data_call(f, off < 0 ? RB_FS_WRITE : RB_FS_PWRITE, off < 0 ? off : off + (off_t)done,
				   (const char *)buf + done, part, RB_WINDOW_READ);
		if (n < 0)
			return done ? (ssize_t)done : n;
		done += (size_t)n;
		if (n == 0)
			break;			/* nothing taken: report what was */
	} while (done < len);
	return (ssize_t)done;
}

ssize_t __rb_file_read(int fd, void *buf, size_t len)
{
	return read_at(fd, buf, len, -1);
}

ssize_t __rb_file_write(int fd, const void *buf, size_t len)
{
	return write_at(fd, buf, len, -1);
}

ssize_t pread(int fd, void *buf, size_t len, off_t off)
{
	if (__rb_is_console_fd(fd))
		return __rb_syscall_ret(-ESPIPE);
	if (off < 0)
		return __rb_syscall_ret(-EINVAL);
	return __rb_syscall_ret(read_at(fd, buf, len, off));
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
	if (__rb_is_console_fd(fd))
		return __rb_syscall_ret(-ESPIPE);
	if (off < 0)
		return __rb_syscall_ret(-EINVAL);
	return __rb_syscall_ret(write_at(fd, buf, len, off));
}

off_t __rb_file_lseek(int fd, off_t offset, int whence)
{
	struct ofile *f = server_file(fd);
	uint64_t *mr = rb_utcb()->mr;

	if (!f)
		return -EBADF;
	mr[0] = (uint64_t)offset;
	mr[1] = (uint64_t)whence;
	long r = __rb_fs_call(f->handle, RB_FS_SEEK, 0, 2);
	return r < 0 ? r : (off_t)mr[0];
}

long __rb_file_fstat(int fd, struct stat *st)
{
	struct ofile *f = server_file(fd);

	if (!f)
		return -EBADF;
	long r = __rb_fs_call(f->handle, RB_FS_FSTAT, 0, 0);
	if (r >= 0)
		__rb_fs_to_stat((const struct rb_fs_stat *)rb_utcb()->mr, st);
	return r;
}

/* One request of n words on fd's server file: 0 or -1 with errno. */
static int file_call(int fd, unsigned op, uint64_t a, uint64_t b, unsigned n)
{
	struct ofile *f = server_file(fd);

	if (!f)
		return __rb_syscall_ret(__rb_fd_get(fd) ? -EINVAL : -EBADF);
	rb_utcb()->mr[0] = a;
	rb_utcb()->mr[1] = b;
	long r = __rb_fs_call(f->handle, op, 0, n);
	return (int)__rb_syscall_ret(r < 0 ? r : 0);
}

int ftruncate(int fd, off_t length)
{
	if (length < 0)
		return __rb_syscall_ret(-EINVAL);
	return file_call(fd, RB_FS_TRUNCATE, (uint64_t)length, 0, 1);
}

int fchmod(int fd, mode_t mode)
{
	return file_call(fd, RB_FS_FCHMOD, mode, 0, 1);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return file_call(fd, RB_FS_FCHOWN, (uint32_t)uid, (uint32_t)gid, 2);
}

/* The files live in the server's memory: there is nothing to flush. */
int fsync(int fd)
{
	return __rb_syscall_ret(__rb_fd_get(fd) ? 0 : -EBADF);
}
