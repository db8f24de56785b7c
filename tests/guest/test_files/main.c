/*
 * The POSIX file calls over the file server (docs/files.md), each with its
 * errors as POSIX names them, picolibc's stdio on top, and the bundle's
 * data files (tests/guest/files.bundle: /etc/motd, /data/tree/...).
 */
#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "tap.h"

/* r failed with -1 and errno err. */
static void fails(long r, int err, const char *what)
{
	char line[160];
	int saved = errno;

	snprintf(line, sizeof line, "%s: -1 and %s (got %ld, %s)", what, strerror(err), r, strerror(saved));
	check(r == -1 && saved == err, line);
}

static off_t size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_size : -1;
}

static void open_read_write(void)
{
	char buf[64] = "";
	int fd = open("/tmp/a", O_CREAT | O_RDWR, 0644);
	struct stat st;

	check(fd > 2, "open O_CREAT gives the lowest descriptor above the console's");
	check(write(fd, "hello, file", 11) == 11, "write 11 bytes");
	check(lseek(fd, 0, SEEK_CUR) == 11, "the offset moved to 11");
	check(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, sizeof buf) == 11 && !memcmp(buf, "hello, file", 11),
	      "read back what was written");
	check(read(fd, buf, sizeof buf) == 0, "read at the end gives 0");
	check(pwrite(fd, "HELLO", 5, 0) == 5 && pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "HELLO", 5),
	      "pwrite and pread at offset 0");
	check(lseek(fd, 0, SEEK_CUR) == 11, "pread and pwrite leave the offset");
	check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0644 && st.st_size == 11,
	      "fstat: a regular file of 11 bytes, mode 0644");
	check(lseek(fd, 100, SEEK_SET) == 100 && write(fd, "x", 1) == 1 && size_of("/tmp/a") == 101,
	      "a write past the end grows the file");
	check(pread(fd, buf, 4, 50) == 4 && !memcmp(buf, "\0\0\0\0", 4), "the gap reads as zeros");
	check(lseek(fd, -1, SEEK_END) == 100, "lseek SEEK_END");
	fails(lseek(fd, -200, SEEK_CUR), EINVAL, "lseek before the start");
	fails(lseek(fd, 0, 42), EINVAL, "lseek with a bad whence");
	fails(pread(fd, buf, 1, -1), EINVAL, "pread at a negative offset");
	check(close(fd) == 0, "close");
	fails(close(fd), EBADF, "close twice");
	fails(read(fd, buf, 1), EBADF, "read of a closed descriptor");
	fails(write(99, buf, 1), EBADF, "write of a descriptor never opened");
	fails(lseek(1, 0, SEEK_SET), ESPIPE, "lseek of the console");
}

static void open_flags(void)
{
	char buf[16];
	int fd;

	fails(open("/tmp/a", O_CREAT | O_EXCL | O_WRONLY, 0600), EEXIST, "O_CREAT | O_EXCL of an existing file");
	fails(open("/tmp/none", O_RDONLY), ENOENT, "open of a missing file");
	fails(open("/none/a", O_CREAT | O_WRONLY, 0600), ENOENT, "O_CREAT in a missing directory");
	fails(open("/tmp/a/b", O_RDONLY), ENOTDIR, "a path through a regular file");
	fails(open("/tmp/a", O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY of a regular file");
	fails(open("/tmp", O_WRONLY), EISDIR, "a directory opened for writing");
	fails(open("", O_RDONLY), ENOENT, "the empty path");
	fails(open("/tmp/a", 3), EINVAL, "an access mode that is none of the three");
	fd = open("/tmp/a", O_WRONLY | O_TRUNC);
	check(fd >= 0 && size_of("/tmp/a") == 0, "O_TRUNC empties the file");
	fails(read(fd, buf, 1), EBADF, "read of a write-only descriptor");
	check(write(fd, "abc", 3) == 3 && close(fd) == 0, "write to it");
	fd = open("/tmp/a", O_WRONLY | O_APPEND);
	check(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "def", 3) == 3 && size_of("/tmp/a") == 6,
	      "O_APPEND writes at the end whatever the offset");
	close(fd);
	fd = open("/tmp/a", O_RDONLY);
	fails(write(fd, "x", 1), EBADF, "write of a read-only descriptor");
	check(read(fd, buf, 6) == 6 && !memcmp(buf, "abcdef", 6), "the appended file reads abcdef");
	close(fd);
	fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	check(fd >= 0, "O_DIRECTORY of a directory");
	fails(read(fd, buf, 1), EISDIR, "read of a directory");
	int at = openat(fd, "a", O_RDONLY);
	check(at >= 0 && read(at, buf, 3) == 3 && !memcmp(buf, "abc", 3), "openat relative to a directory descriptor");
	close(at);
	close(fd);
	fails(openat(1, "a", O_RDONLY), ENOTDIR, "openat relative to the console");
	fd = creat("/tmp/c", 0600);
	check(fd >= 0 && close(fd) == 0 && size_of("/tmp/c") == 0, "creat");
}

static void descriptors(void)
{
	int fd = open("/tmp/d", O_CREAT | O_RDWR | O_TRUNC, 0600), copy;
	char buf[8] = "";

	check(write(fd, "0123456789", 10) == 10, "write 10 bytes");
	copy = dup(fd);
	check(copy > fd && lseek(copy, 2, SEEK_SET) == 2 && lseek(fd, 0, SEEK_CUR) == 2,
	      "dup shares the offset");
	check(dup2(fd, 20) == 20 && read(20, buf, 3) == 3 && !memcmp(buf, "234", 3), "dup2 onto a free number");
	check(close(fd) == 0 && read(copy, buf, 1) == 1 && buf[0] == '5', "the file stays open through its copies");
	fails(dup(77), EBADF, "dup of a bad descriptor");
	fails(dup2(copy, 64), EBADF, "dup2 past the table");
	check(dup2(copy, copy) == copy, "dup2 onto itself");
	close(copy);
	close(20);
	int fds[80], n = 0, last;
	while (n < 80 && (fds[n] = open("/tmp/d", O_RDONLY)) >= 0)
		n++;
	last = errno;
	check(n > 8 && n < 80 && last == EMFILE, "opening without end stops at EMFILE");
	while (n--)
		close(fds[n]);
	fd = open("/tmp/d", O_RDONLY);
	check(fd >= 0, "and every one of them could be closed");
	close(fd);
	check(fsync(1) == 0, "fsync of the console");
	fails(fsync(50), EBADF, "fsync of a bad descriptor");
}

static void redirection(void)
{
	int saved_out = dup(1), saved_in = dup(0);
	int fd = open("/tmp/out1", O_CREAT | O_WRONLY | O_TRUNC, 0600);
	char buf[32] = "", line[32] = "";

	check(saved_out > 2 && isatty(saved_out), "dup of the console's 1 is the console");
	dup2(fd, 1);
	printf("printf into the file\n");
	fflush(stdout);
	dup2(saved_out, 1);
	close(fd);
	fd = open("/tmp/out1", O_RDONLY);
	check(read(fd, buf, sizeof buf) == 21 && !memcmp(buf, "printf into the file\n", 21),
	      "after dup2 onto 1, printf writes to the file");
	check(isatty(1), "and dup2 back gives the console");
	lseek(fd, 0, SEEK_SET);
	dup2(fd, 0);
	check(fgets(line, sizeof line, stdin) && !strcmp(line, "printf into the file\n"), "after dup2 onto 0, stdin reads the file");
	dup2(saved_in, 0);
	close(fd);
	close(saved_in);
	close(saved_out);
	check(isatty(0), "and dup2 back gives the console");
}

static void truncation(void)
{
	int fd = open("/tmp/t", O_CREAT | O_RDWR, 0600);
	char buf[4];

	check(ftruncate(fd, 5000) == 0 && size_of("/tmp/t") == 5000, "ftruncate grows");
	check(pread(fd, buf, 4, 4990) == 4 && !memcmp(buf, "\0\0\0\0", 4), "with zeros");
	check(ftruncate(fd, 3) == 0 && size_of("/tmp/t") == 3, "ftruncate shrinks");
	fails(ftruncate(fd, -1), EINVAL, "ftruncate to a negative length");
	check(fsync(fd) == 0, "fsync of a file");
	close(fd);
	fd = open("/tmp/t", O_RDONLY);
	fails(ftruncate(fd, 0), EBADF, "ftruncate of a read-only descriptor");
	close(fd);
	check(truncate("/tmp/t", 1) == 0 && size_of("/tmp/t") == 1, "truncate by path");
}

static void names(void)
{
	struct stat st;
	int fd;
	char buf[4];

	check(mkdir("/tmp/dir", 0755) == 0 && stat("/tmp/dir", &st) == 0 && S_ISDIR(st.st_mode) &&
	      (st.st_mode & 0777) == 0755, "mkdir, and stat sees a directory 0755");
	fails(mkdir("/tmp/dir", 0755), EEXIST, "mkdir of an existing name");
	fails(mkdir("/none/x", 0755), ENOENT, "mkdir in a missing directory");
	fd = open("/tmp/dir/f", O_CREAT | O_WRONLY, 0600);
	close(fd);
	fails(rmdir("/tmp/dir"), ENOTEMPTY, "rmdir of a directory with a file");
	fails(rmdir("/tmp/dir/f"), ENOTDIR, "rmdir of a file");
	fails(unlink("/tmp/dir"), EISDIR, "unlink of a directory");
	fails(rename("/tmp/dir", "/tmp/dir/sub"), EINVAL, "rename of a directory into itself");
	check(rename("/tmp/dir/f", "/tmp/dir/g") == 0 && stat("/tmp/dir/f", &st) == -1 && stat("/tmp/dir/g", &st) == 0,
	      "rename a file");
	fails(rename("/tmp/dir/none", "/tmp/x"), ENOENT, "rename of a missing name");
	check(rename("/tmp/dir/g", "/tmp/a") == 0 && size_of("/tmp/a") == 0, "rename over an existing file replaces it");
	fails(rename("/tmp/a", "/tmp/dir"), EISDIR, "rename of a file over a directory");
	check(rmdir("/tmp/dir") == 0 && stat("/tmp/dir", &st) == -1 && errno == ENOENT, "rmdir of the empty directory");
	fails(rmdir("/"), EBUSY, "rmdir of /");
	fails(unlink("/tmp/none"), ENOENT, "unlink of a missing name");
	fails(stat("/tmp/none", &st), ENOENT, "stat of a missing name");
	check(lstat("/tmp/a", &st) == 0 && S_ISREG(st.st_mode), "lstat");
	fd = open("/tmp/gone", O_CREAT | O_RDWR, 0600);
	check(write(fd, "abc", 3) == 3 && unlink("/tmp/gone") == 0 && stat("/tmp/gone", &st) == -1, "unlink an open file");
	check(pread(fd, buf, 3, 0) == 3 && !memcmp(buf, "abc", 3) && fstat(fd, &st) == 0 && st.st_nlink == 0,
	      "it stays readable, with no link, until closed");
	close(fd);
	char longname[300];
	memset(longname, 'n', sizeof longname);
	longname[0] = '/';
	longname[299] = '\0';
	fails(stat(longname, &st), ENAMETOOLONG, "a path of 299 bytes");
	longname[70] = '\0';
	fails(stat(longname, &st), ENAMETOOLONG, "a name of 69 bytes");
}

static void directories(void)
{
	DIR *d;
	struct dirent *e;
	int seen = 0, dots = 0;

	mkdir("/tmp/list", 0700);
	close(open("/tmp/list/one", O_CREAT | O_WRONLY, 0600));
	mkdir("/tmp/list/two", 0700);
	d = opendir("/tmp/list");
	check(d != NULL, "opendir");
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			dots += e->d_type == DT_DIR;
		else if (!strcmp(e->d_name, "one"))
			seen += e->d_type == DT_REG;
		else if (!strcmp(e->d_name, "two"))
			seen += e->d_type == DT_DIR;
		else
			seen += 100;
	}
	check(seen == 2 && dots == 2, "readdir gives ., .., one (a file) and two (a directory)");
	rewinddir(d);
	check(readdir(d) != NULL, "rewinddir starts again");
	check(closedir(d) == 0, "closedir");
	check(opendir("/tmp/list/one") == NULL && errno == ENOTDIR, "opendir of a file: ENOTDIR");
	check(opendir("/none") == NULL && errno == ENOENT, "opendir of a missing name: ENOENT");
}

static void working_directory(void)
{
	char buf[256];
	struct stat st;

	check(getcwd(buf, sizeof buf) && !strcmp(buf, "/"), "the working directory starts at /");
	check(chdir("/tmp/list") == 0 && getcwd(buf, sizeof buf) && !strcmp(buf, "/tmp/list"), "chdir");
	check(stat("one", &st) == 0 && S_ISREG(st.st_mode), "a relative path starts there");
	check(chdir("two/../../list/./two") == 0 && getcwd(buf, sizeof buf) && !strcmp(buf, "/tmp/list/two"),
	      "chdir through . and ..");
	check(chdir("..") == 0 && getcwd(buf, sizeof buf) && !strcmp(buf, "/tmp/list"), "chdir ..");
	fails(chdir("one"), ENOTDIR, "chdir to a file");
	fails(chdir("none"), ENOENT, "chdir to a missing name");
	check(getcwd(buf, 3) == NULL && errno == ERANGE, "getcwd into a short buffer: ERANGE");
	check(chdir("/") == 0, "chdir /");
}

static void permissions(void)
{
	struct stat st;
	struct utimbuf times = { 1000000, 2000000 };
	struct timeval tv[2] = { { 3000000, 500000 }, { 4000000, 250000 } };
	int fd = open("/tmp/p", O_CREAT | O_RDWR, 0640);

	check(access("/tmp/p", F_OK) == 0 && access("/tmp/p", R_OK | W_OK) == 0, "access of a file 0640");
	fails(access("/tmp/p", X_OK), EACCES, "access X_OK without x");
	fails(access("/tmp/none", F_OK), ENOENT, "access of a missing name");
	check(chmod("/tmp/p", 0444) == 0 && stat("/tmp/p", &st) == 0 && (st.st_mode & 07777) == 0444,
	      "chmod 0444, and stat reports it");
	fails(access("/tmp/p", W_OK), EACCES, "access W_OK of a file 0444");
	fails(open("/tmp/p", O_WRONLY), EACCES, "open for writing of a file 0444");
	check(fchmod(fd, 0755) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0755, "fchmod 0755");
	check(chown("/tmp/p", 12, 34) == 0 && stat("/tmp/p", &st) == 0 && st.st_uid == 12 && st.st_gid == 34,
	      "chown, and stat reports the owner");
	check(fchown(fd, 56, (gid_t)-1) == 0 && fstat(fd, &st) == 0 && st.st_uid == 56 && st.st_gid == 34,
	      "fchown, -1 leaves the group");
	check(utime("/tmp/p", &times) == 0 && stat("/tmp/p", &st) == 0 && st.st_atime == 1000000 &&
	      st.st_mtime == 2000000, "utime sets both times");
	check(utimes("/tmp/p", tv) == 0 && stat("/tmp/p", &st) == 0 && st.st_mtim.tv_sec == 4000000 &&
	      st.st_mtim.tv_nsec == 250000000, "utimes to the microsecond");
	check(utime("/tmp/p", NULL) == 0 && stat("/tmp/p", &st) == 0 && st.st_mtime > 4000000, "utime NULL: now");
	fails(chmod("/tmp/none", 0600), ENOENT, "chmod of a missing name");
	fails(fchmod(42, 0600), EBADF, "fchmod of a bad descriptor");
	close(fd);
}

static void temporary_files(void)
{
	char name[] = "/tmp/tmpXXXXXX", other[] = "/tmp/tmpXXXXXX", buf[8] = "";
	int fd = mkstemp(name), fd2 = mkstemp(other);
	struct stat st;

	check(fd >= 0 && fd2 >= 0 && strcmp(name, other) && stat(name, &st) == 0 && (st.st_mode & 0777) == 0600,
	      "mkstemp makes two different files 0600");
	close(fd);
	close(fd2);
	FILE *f = tmpfile();
	check(f && fputs("temp", f) >= 0 && fseek(f, 0, SEEK_SET) == 0 && fread(buf, 1, 4, f) == 4 &&
	      !memcmp(buf, "temp", 4), "tmpfile: written and read back");
	check(f && fclose(f) == 0, "and closed");
}

static void devices(void)
{
	char buf[600];
	int fd = open("/dev/null", O_RDWR);

	check(fd >= 0 && write(fd, "x", 1) == 1 && read(fd, buf, 10) == 0, "/dev/null swallows and reads empty");
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	memset(buf, 1, sizeof buf);
	check(fd >= 0 && read(fd, buf, sizeof buf) == sizeof buf && buf[0] == 0 && buf[599] == 0, "/dev/zero gives zeros");
	close(fd);
	fd = open("/dev/urandom", O_RDONLY);
	int zeros = 0;
	memset(buf, 0, sizeof buf);
	check(fd >= 0 && read(fd, buf, sizeof buf) == sizeof buf, "/dev/urandom gives 600 bytes");
	for (int i = 0; i < 600; i++)
		zeros += !buf[i];
	check(zeros < 20, "not zeros");
	close(fd);
	fd = open("/dev/console", O_WRONLY);
	check(fd > 2 && isatty(fd) && write(fd, "console through /dev/console\n", 29) == 29, "/dev/console is the console");
	close(fd);
	check(!isatty(0) == 0, "descriptor 0 is still the console");
}

static void stdio_files(void)
{
	FILE *f = fopen("/tmp/s.txt", "w");
	char line[64];
	int lines = 0;

	check(f != NULL, "fopen w");
	for (int i = 0; f && i < 100; i++)
		fprintf(f, "line %d\n", i);
	check(f && fclose(f) == 0, "fprintf 100 lines, fclose");
	check(size_of("/tmp/s.txt") == 790, "790 bytes written");
	f = fopen("/tmp/s.txt", "r");
	while (f && fgets(line, sizeof line, f))
		lines++;
	check(lines == 100 && !strcmp(line, "line 99\n"), "fgets reads them back");
	check(f && feof(f) && fclose(f) == 0, "to the end");
	f = fopen("/tmp/s.txt", "a+");
	check(f && fputs("more\n", f) >= 0 && fclose(f) == 0 && size_of("/tmp/s.txt") == 795, "fopen a+ appends");
	check(fopen("/tmp/none/x", "r") == NULL && errno == ENOENT, "fopen of a missing file: ENOENT");
	check(remove("/tmp/s.txt") == 0 && size_of("/tmp/s.txt") == -1, "remove");
}

static void bulk(void)
{
	enum { SIZE = 100000 };
	static unsigned char out[SIZE], in[SIZE];
	int fd = open("/tmp/bulk", O_CREAT | O_RDWR | O_TRUNC, 0600);

	for (int i = 0; i < SIZE; i++)
		out[i] = (unsigned char)(i * 7 + i / 251);
	check(write(fd, out, SIZE) == SIZE, "write 100,000 bytes at once");
	check(pread(fd, in, SIZE, 0) == SIZE && !memcmp(in, out, SIZE), "read them back, every byte");
	void *m = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	check(m != MAP_FAILED && !memcmp(m, out, SIZE), "mmap of the file: its bytes");
	if (m != MAP_FAILED) {
		((unsigned char *)m)[0] ^= 0xff;
		check(pread(fd, in, 1, 0) == 1 && in[0] == out[0], "a private copy: writes stay in memory");
		munmap(m, SIZE);
	}
	m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 8192);
	check(m != MAP_FAILED && !memcmp(m, out + 8192, 4096), "mmap at a page offset");
	if (m != MAP_FAILED)
		munmap(m, 4096);
	check(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED && errno == ENOTSUP,
	      "MAP_SHARED of a file: ENOTSUP");
	check(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 77, 0) == MAP_FAILED && errno == EBADF,
	      "mmap of a bad descriptor: EBADF");
	close(fd);
	check(unlink("/tmp/bulk") == 0, "unlink it");
}

/* One thread's rounds on a file of its own: the count of rounds that failed. */
static void *thread_rounds(void *arg)
{
	long id = (long)arg, bad = 0;
	char path[32], out[1000], in[1000];

	snprintf(path, sizeof path, "/tmp/thread%ld", id);
	for (int round = 0; round < 50; round++) {
		memset(out, (int)('a' + id * 5 + round % 5), sizeof out);
		int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
		bad += fd < 0 || write(fd, out, sizeof out) != sizeof out ||
		       pread(fd, in, sizeof in, 0) != sizeof in || memcmp(in, out, sizeof in) || close(fd);
	}
	return (void *)bad;
}

static void threads(void)
{
	pthread_t t[4];
	long bad = 0;
	void *r;

	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, thread_rounds, (void *)i);
	for (int i = 0; i < 4; i++)
		bad += pthread_join(t[i], &r) == 0 ? (long)r : 100;
	check(bad == 0, "four threads of one task, 50 rounds each on their own descriptors, nothing mixed");
}

static void bundle_files(void)
{
	char buf[128] = "";
	FILE *f = fopen("/etc/motd", "r");
	struct stat st;

	check(f && fgets(buf, sizeof buf, f) && !strcmp(buf, "Welcome to Rainbow.\n"), "/etc/motd from the bundle");
	if (f)
		fclose(f);
	check(stat("/data/tree/sub/deep.txt", &st) == 0 && st.st_size == 5, "a dir line's tree, nested");
	check(stat("/data/tree/script.sh", &st) == 0 && (st.st_mode & 0777) == 0755, "with its permission bits");
	check(stat("/motd", &st) == 0, "a file line without a guest path lands in /");
}

static const struct tap_test tests[] = {
	{ open_read_write, "open, read, write, lseek, pread, pwrite, fstat, close" },
	{ open_flags, "O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, openat, creat" },
	{ descriptors, "dup, dup2, EMFILE, fsync" },
	{ redirection, "stdin and stdout follow descriptors 0 and 1" },
	{ truncation, "ftruncate, truncate" },
	{ names, "mkdir, rmdir, unlink, rename, stat, lstat" },
	{ directories, "opendir, readdir, rewinddir, closedir" },
	{ working_directory, "getcwd, chdir" },
	{ permissions, "access, chmod, fchmod, chown, fchown, utime, utimes" },
	{ temporary_files, "mkstemp, tmpfile" },
	{ devices, "/dev/null, /dev/zero, /dev/urandom, /dev/console" },
	{ stdio_files, "picolibc's stdio on files" },
	{ bulk, "100,000 bytes, mmap of a file" },
	{ threads, "threads sharing the task's descriptor table" },
	{ bundle_files, "the bundle's data files" },
};

int main(void)
{
	return TAP_RUN(tests);
}
