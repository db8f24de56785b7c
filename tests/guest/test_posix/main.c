/*
 * POSIX facilities of a small single-user system against what POSIX
 * prescribes: <sys/resource.h>'s limits and usage; the user and group
 * databases of the one user, root; realpath and readlink on a tree
 * without links; fcntl and ioctl on descriptors; _setjmp and _longjmp.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* Burns about ms milliseconds of CPU time of this thread. */
static void spin_cpu(long ms)
{
	struct timespec a, b;
	volatile unsigned long x = 0;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
	do {
		for (int i = 0; i < 100000; i++)
			x += i;
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
	} while ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

static void test_rlimits(void)
{
	struct rlimit r;

	check(getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur == 8u << 20 && r.rlim_max == 8u << 20,
	      "RLIMIT_STACK is the main stack's 8 MiB");
	/* A 1 MiB local array fits within it. */
	volatile char big[1 << 20];
	big[0] = 1;
	big[sizeof(big) - 1] = 2;
	check(big[0] + big[sizeof(big) - 1] == 3, "a stack array below RLIMIT_STACK works");

	check(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 64, "RLIMIT_NOFILE is the table's 64");
	check(getrlimit(RLIMIT_CORE, &r) == 0 && r.rlim_cur == 0 && r.rlim_max == 0, "RLIMIT_CORE is 0");
	check(getrlimit(RLIMIT_CPU, &r) == 0 && r.rlim_cur == RLIM_INFINITY, "RLIMIT_CPU is RLIM_INFINITY");

	struct rlimit as, data;
	check(getrlimit(RLIMIT_AS, &as) == 0 && getrlimit(RLIMIT_DATA, &data) == 0 &&
	      as.rlim_cur == data.rlim_cur && as.rlim_cur >= 16u << 20 && as.rlim_cur != RLIM_INFINITY,
	      "RLIMIT_AS and RLIMIT_DATA are the task's memory limit");
	/* Past it, malloc fails: the limit is real. */
	void *p = malloc(as.rlim_cur + 1);
	check(p == NULL && errno == ENOMEM, "malloc of more than RLIMIT_AS fails with ENOMEM");

	errno = 0;
	check(getrlimit(12345, &r) == -1 && errno == EINVAL, "getrlimit of an unknown resource: EINVAL");

	getrlimit(RLIMIT_NOFILE, &r);
	check(setrlimit(RLIMIT_NOFILE, &r) == 0, "setrlimit to the current limits succeeds");
	struct rlimit up = { r.rlim_cur, r.rlim_max + 1 };
	errno = 0;
	check(setrlimit(RLIMIT_NOFILE, &up) == -1 && errno == EPERM, "raising a hard limit: EPERM");
	struct rlimit inverted = { r.rlim_max, r.rlim_max - 1 };
	errno = 0;
	check(setrlimit(RLIMIT_NOFILE, &inverted) == -1 && errno == EINVAL, "soft above hard: EINVAL");
	struct rlimit down = { 10, 10 };
	errno = 0;
	check(setrlimit(RLIMIT_NOFILE, &down) == -1 && errno == EINVAL,
	      "a limit the runtime cannot impose is refused with EINVAL, not pretended");
	getrlimit(RLIMIT_NOFILE, &r);
	check(r.rlim_cur == 64, "and the limit is unchanged");
}

static void test_rusage(void)
{
	struct rusage self, thread, children;

	spin_cpu(50);
	check(getrusage(RUSAGE_SELF, &self) == 0, "getrusage(RUSAGE_SELF) succeeds");
	long us = self.ru_utime.tv_sec * 1000000L + self.ru_utime.tv_usec;
	check(us >= 40000 && self.ru_utime.tv_usec < 1000000, "ru_utime counts the CPU time spent");
	check(self.ru_stime.tv_sec == 0 && self.ru_stime.tv_usec == 0, "ru_stime is 0 (not split)");
	check(getrusage(RUSAGE_THREAD, &thread) == 0 &&
	      thread.ru_utime.tv_sec * 1000000L + thread.ru_utime.tv_usec <= us + 10000,
	      "getrusage(RUSAGE_THREAD): the thread's, within the task's");
	check(getrusage(RUSAGE_CHILDREN, &children) == 0 && children.ru_utime.tv_sec == 0 &&
	      children.ru_utime.tv_usec == 0, "RUSAGE_CHILDREN: none collected");
	errno = 0;
	check(getrusage(7, &self) == -1 && errno == EINVAL, "getrusage of another who: EINVAL");
}

static void test_users(void)
{
	check(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0,
	      "every task is root: uid, euid, gid, egid 0");

	struct passwd *pw = getpwuid(0);
	check(pw && strcmp(pw->pw_name, "root") == 0 && pw->pw_uid == 0 && pw->pw_gid == 0 &&
	      strcmp(pw->pw_dir, "/") == 0 && strcmp(pw->pw_shell, "/bin/sh") == 0,
	      "getpwuid(0): root, home /, shell /bin/sh");
	pw = getpwnam("root");
	check(pw && pw->pw_uid == 0, "getpwnam(\"root\") is uid 0");
	errno = 0;
	check(getpwuid(1000) == NULL && errno == 0, "getpwuid of another uid: NULL, errno unchanged");
	check(getpwnam("nobody") == NULL, "getpwnam of another name: NULL");

	struct passwd pwd, *res = &pwd;
	char buf[64], tiny[4];
	check(getpwuid_r(0, &pwd, buf, sizeof(buf), &res) == 0 && res == &pwd &&
	      strcmp(pwd.pw_dir, "/") == 0 && pwd.pw_dir >= buf && pwd.pw_dir < buf + sizeof(buf),
	      "getpwuid_r fills the caller's entry and buffer");
	check(getpwnam_r("root", &pwd, tiny, sizeof(tiny), &res) == ERANGE && res == NULL,
	      "getpwnam_r with too small a buffer: ERANGE");
	check(getpwuid_r(5, &pwd, buf, sizeof(buf), &res) == 0 && res == NULL,
	      "getpwuid_r of no entry: 0 and a NULL result");

	setpwent();
	pw = getpwent();
	check(pw && pw->pw_uid == 0 && getpwent() == NULL, "getpwent: root, then the end");
	setpwent();
	check(getpwent() != NULL, "setpwent rewinds");
	endpwent();

	struct group *gr = getgrgid(0);
	check(gr && strcmp(gr->gr_name, "root") == 0 && gr->gr_gid == 0 && gr->gr_mem[0] &&
	      strcmp(gr->gr_mem[0], "root") == 0 && gr->gr_mem[1] == NULL,
	      "getgrgid(0): root, with root its one member");
	check(getgrnam("root") && getgrnam("wheel") == NULL && getgrgid(100) == NULL,
	      "getgrnam(\"root\") found, other groups not");
	struct group grp, *gres;
	char gbuf[64];
	check(getgrnam_r("root", &grp, gbuf + 1, sizeof(gbuf) - 1, &gres) == 0 && gres == &grp &&
	      strcmp(grp.gr_mem[0], "root") == 0, "getgrnam_r in an unaligned buffer");
	check(getgrgid_r(0, &grp, gbuf, 8, &gres) == ERANGE && gres == NULL,
	      "getgrgid_r with too small a buffer: ERANGE");
	setgrent();
	check(getgrent() && getgrent() == NULL, "getgrent: root, then the end");
	endgrent();
}

/* realpath(path) is want; with a caller's buffer too. */
static void check_realpath(const char *path, const char *want)
{
	char buf[256], what[160];
	char *got = realpath(path, NULL);

	snprintf(what, sizeof(what), "realpath(\"%s\") is %s", path, want);
	check(got && strcmp(got, want) == 0 && realpath(path, buf) == buf && strcmp(buf, want) == 0, what);
	free(got);
}

/* realpath(path) fails with err. */
static void check_realpath_err(const char *path, int err, const char *name)
{
	char what[160];

	errno = 0;
	snprintf(what, sizeof(what), "realpath(\"%s\"): %s", path, name);
	check(realpath(path, NULL) == NULL && errno == err, what);
}

static void test_paths(void)
{
	check_realpath("/", "/");
	check_realpath("/data/tree", "/data/tree");
	check_realpath("//data/./tree//sub/..", "/data/tree");
	check_realpath("/data/tree/sub/../script.sh", "/data/tree/script.sh");
	check_realpath("/..", "/");
	check(chdir("/data/tree/sub") == 0, "chdir into the tree");
	check_realpath(".", "/data/tree/sub");
	check_realpath("..", "/data/tree");
	check_realpath("../script.sh", "/data/tree/script.sh");
	check_realpath_err("/data/none", ENOENT, "ENOENT");
	check_realpath_err("/data/none/..", ENOENT, "ENOENT for a missing directory before ..");
	check_realpath_err("/data/tree/script.sh/..", ENOTDIR, "ENOTDIR for a file before ..");
	check_realpath_err("/data/tree/script.sh/", ENOTDIR, "ENOTDIR for a file with a slash");
	check_realpath_err("", ENOENT, "ENOENT for the empty path");
	errno = 0;
	check(realpath(NULL, NULL) == NULL && errno == EINVAL, "realpath(NULL): EINVAL");
	char longpath[300];
	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	longpath[sizeof(longpath) - 1] = '\0';
	check_realpath_err(longpath, ENAMETOOLONG, "ENAMETOOLONG");

	char buf[16] = "unchanged";
	errno = 0;
	check(readlink("/data/tree/script.sh", buf, sizeof(buf)) == -1 && errno == EINVAL &&
	      strcmp(buf, "unchanged") == 0, "readlink of a file: EINVAL (not a link)");
	errno = 0;
	check(readlink("/data/tree", buf, sizeof(buf)) == -1 && errno == EINVAL,
	      "readlink of a directory: EINVAL");
	errno = 0;
	check(readlink("/data/none", buf, sizeof(buf)) == -1 && errno == ENOENT, "readlink of nothing: ENOENT");
	errno = 0;
	check(readlink("/data/tree/script.sh/x", buf, sizeof(buf)) == -1 && errno == ENOTDIR,
	      "readlink under a file: ENOTDIR");
}

static void test_fcntl(void)
{
	int fd = open("/data/tree/script.sh", O_RDONLY | O_CLOEXEC);
	check(fd >= 3, "open a file close-on-exec");
	check(fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_GETFD: FD_CLOEXEC from O_CLOEXEC");
	check(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0, "F_SETFD 0 clears it");
	check(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_SETFD sets it");
	check(fcntl(fd, F_GETFL) == O_RDONLY, "F_GETFL: O_RDONLY, no creation flags");

	int d = fcntl(fd, F_DUPFD, 20);
	check(d == 20 && fcntl(d, F_GETFD) == 0, "F_DUPFD: the lowest from 20, not close-on-exec");
	int d2 = fcntl(fd, F_DUPFD, 20);
	check(d2 == 21, "F_DUPFD again: 21, the next free");
	int dc = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	check(dc > fd && dc < 20 && fcntl(dc, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC: close-on-exec");
	char a[4] = "", b[4] = "";
	check(read(d, a, 2) == 2 && read(fd, b, 2) == 2 && memcmp(a, b, 2) != 0 && lseek(d2, 0, SEEK_CUR) == 4,
	      "a duplicate shares the offset");
	errno = 0;
	check(fcntl(fd, F_DUPFD, -1) == -1 && errno == EINVAL, "F_DUPFD below 0: EINVAL");
	errno = 0;
	check(fcntl(fd, F_DUPFD, 64) == -1 && errno == EINVAL, "F_DUPFD from 64 (OPEN_MAX): EINVAL");
	errno = 0;
	check(fcntl(fd, F_DUPFD, 63) == 63 && fcntl(fd, F_DUPFD, 63) == -1 && errno == EMFILE,
	      "F_DUPFD with none free above: EMFILE");
	close(63);

	check(fcntl(fd, F_SETFL, O_NONBLOCK) == 0 && fcntl(d, F_GETFL) == (O_RDONLY | O_NONBLOCK),
	      "F_SETFL O_NONBLOCK on a file, seen through a duplicate (one open file description)");
	check(fcntl(d, F_SETFL, 0) == 0 && fcntl(fd, F_GETFL) == O_RDONLY, "F_SETFL clears it");
	errno = 0;
	check(fcntl(fd, F_SETFL, O_APPEND) == -1 && errno == EINVAL, "F_SETFL cannot add O_APPEND: EINVAL");
	errno = 0;
	check(fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK) == -1 && errno == EINVAL,
	      "O_NONBLOCK on the console, whose reads wait: EINVAL");

	struct flock lk = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
	errno = 0;
	check(fcntl(fd, F_SETLK, &lk) == -1 && errno == EINVAL, "F_SETLK: EINVAL (no locking)");
	errno = 0;
	check(fcntl(fd, F_GETLK, &lk) == -1 && errno == EINVAL, "F_GETLK: EINVAL");
	errno = 0;
	check(fcntl(fd, 999) == -1 && errno == EINVAL, "an unknown command: EINVAL");
	close(fd);
	errno = 0;
	check(fcntl(fd, F_GETFD) == -1 && errno == EBADF, "a closed descriptor: EBADF");
	errno = 0;
	check(fcntl(-1, F_GETFL) == -1 && errno == EBADF && fcntl(64, F_GETFD) == -1, "out of range: EBADF");

	int w = open("/data/tree/appended", O_WRONLY | O_CREAT | O_APPEND, 0644);
	check(w >= 0 && fcntl(w, F_GETFL) == (O_WRONLY | O_APPEND), "F_GETFL: O_WRONLY | O_APPEND");
	check(fcntl(w, F_SETFL, O_APPEND | O_NONBLOCK) == 0, "F_SETFL keeping O_APPEND succeeds");
	close(w);
	close(d);
	close(d2);
	close(dc);
}

static void test_ioctl(void)
{
	/* Linux's TIOCGWINSZ and FIONREAD: requests a program may try. */
	char out[64];

	errno = 0;
	check(ioctl(1, 0x5413, out) == -1 && errno == ENOTTY, "ioctl on the console: ENOTTY");
	int fd = open("/data/tree/script.sh", O_RDONLY);
	errno = 0;
	check(ioctl(fd, 0x541B, out) == -1 && errno == ENOTTY, "ioctl on a file: ENOTTY");
	close(fd);
	errno = 0;
	check(ioctl(fd, 0x541B, out) == -1 && errno == EBADF, "ioctl on a closed descriptor: EBADF");
}

static jmp_buf env;

/* Jumps back from a frame below the _setjmp. */
__attribute__((noinline)) static void jump_back(int val)
{
	_longjmp(env, val);
}

static void test_jumps(void)
{
	volatile int passes = 0;
	int r = _setjmp(env);

	passes++;
	if (r == 0) {
		check(passes == 1, "_setjmp returns 0 when called");
		jump_back(42);
	}
	check(r == 42 && passes == 2, "_longjmp(env, 42) returns 42 from _setjmp, once");

	r = _setjmp(env);
	if (r == 0)
		jump_back(0);
	check(r == 1, "_longjmp(env, 0) makes _setjmp return 1");

	r = setjmp(env);
	if (r == 0)
		_longjmp(env, 7);
	check(r == 7, "_longjmp to a setjmp (the same jump buffer)");
}

static const struct tap_test tests[] = {
	{ test_rlimits, "getrlimit and setrlimit" },
	{ test_rusage, "getrusage" },
	{ test_users, "users and groups" },
	{ test_paths, "realpath and readlink" },
	{ test_fcntl, "fcntl" },
	{ test_ioctl, "ioctl" },
	{ test_jumps, "_setjmp and _longjmp" },
};

int main(void)
{
	return TAP_RUN(tests);
}
