/*
 * The path calls of POSIX over the file server (docs/files.md): stat,
 * lstat (no symbolic links: the same), unlink, rename, mkdir, rmdir,
 * access, chmod, chown, lchown, utime, utimes, truncate.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include <rainbow/ipc.h>
#include <rainbow/fs.h>

#include "fs_client.h"
#include "glue.h"

/* A path call of n leading words: 0 or -1 with errno. */
static int path_call(unsigned op, const uint64_t *words, unsigned n, const char *path)
{
	long r = __rb_fs_path_call(op, words, n, path);

	return (int)__rb_syscall_ret(r < 0 ? r : 0);
}

int stat(const char *restrict path, struct stat *restrict st)
{
	long r = __rb_fs_path_call(RB_FS_STAT, NULL, 0, path);

	if (r >= 0)
		__rb_fs_to_stat((const struct rb_fs_stat *)rb_utcb()->mr, st);
	return (int)__rb_syscall_ret(r < 0 ? r : 0);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return stat(path, st);
}

int unlink(const char *path)
{
	return path_call(RB_FS_UNLINK, NULL, 0, path);
}

int rmdir(const char *path)
{
	return path_call(RB_FS_RMDIR, NULL, 0, path);
}

int mkdir(const char *path, mode_t mode)
{
	uint64_t words[1] = { mode };

	return path_call(RB_FS_MKDIR, words, 1, path);
}

int rename(const char *from, const char *to)
{
	char abs_to[RB_FS_PATH_MAX];
	uint64_t words[RB_FS_PATH_MAX / 8];
	long err = __rb_fs_absolute(to, abs_to);

	if (err)
		return __rb_syscall_ret(err);
	/* The new path goes at register 32, the old one at 0. */
	long s = __rb_fs_session();
	if (s < 0)
		return __rb_syscall_ret(s);
	err = __rb_fs_absolute(from, (char *)words);
	if (err)
		return __rb_syscall_ret(err);
	uint64_t *mr = rb_utcb()->mr;
	memcpy(mr, words, sizeof words);
	memcpy(&mr[RB_FS_PATH_MAX / 8], abs_to, strlen(abs_to) + 1);
	long r = __rb_fs_call(s, RB_FS_RENAME, 0, RB_FS_PATH_MAX / 8 + (unsigned)(strlen(abs_to) + 8) / 8);
	return (int)__rb_syscall_ret(r < 0 ? r : 0);
}

int access(const char *path, int amode)
{
	uint64_t words[1] = { (unsigned)amode };

	return path_call(RB_FS_ACCESS, words, 1, path);
}

int chmod(const char *path, mode_t mode)
{
	uint64_t words[1] = { mode };

	return path_call(RB_FS_CHMOD, words, 1, path);
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	uint64_t words[2] = { (uint32_t)uid, (uint32_t)gid };

	return path_call(RB_FS_CHOWN, words, 2, path);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return chown(path, uid, gid);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int utime(const char *path, const struct utimbuf *times)
{
	uint64_t now = now_ns();
	uint64_t words[2] = { now, now };

	if (times) {
		words[0] = (uint64_t)times->actime * 1000000000ull;
		words[1] = (uint64_t)times->modtime * 1000000000ull;
	}
	return path_call(RB_FS_UTIME, words, 2, path);
}

int utimes(const char *path, const struct timeval times[2])
{
	uint64_t now = now_ns();
	uint64_t words[2] = { now, now };

	if (times) {
		for (int i = 0; i < 2; i++) {
			if (times[i].tv_usec < 0 || times[i].tv_usec >= 1000000)
				return __rb_syscall_ret(-EINVAL);
			words[i] = (uint64_t)times[i].tv_sec * 1000000000ull + (uint64_t)times[i].tv_usec * 1000;
		}
	}
	return path_call(RB_FS_UTIME, words, 2, path);
}

int truncate(const char *path, off_t length)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0)
		return -1;
	int r = ftruncate(fd, length);
	int saved = errno;
	close(fd);
	errno = saved;
	return r;
}
