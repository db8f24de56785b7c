/*
 * The file server under many clients (tests/guest/files_clients.sh):
 *   fs_clients worker ID     a bystander: writes, reads back and checks its
 *                            own files and directory, 100 rounds
 *   fs_clients hostile       garbage requests in the raw protocol, each
 *                            answered with its error, the server still
 *                            serving after them (two sessions of its own)
 *   fs_clients die           opens files, one of them unlinked, and ends
 *                            without closing them
 *   fs_clients reap          waits for die's end, then for the server to
 *                            reclaim its session and files
 *   fs_clients show PATH N   waits until PATH has N bytes, then prints it
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/fs.h>
#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>

#include "tap.h"

static char tag_name[32];

/* Shares one session may have waiting (docs/files.md). */
#define SHARES_PER_SESSION 60

/* ---- bystanders ---- */

static int worker_id;

static void worker(void)
{
	char path[96], dir[32], out[3000], in[3000];
	int bad = 0;

	snprintf(dir, sizeof dir, "/tmp/w%d", worker_id);
	check(mkdir(dir, 0700) == 0, "mkdir of the worker's own directory");
	for (int round = 0; round < 100; round++) {
		snprintf(path, sizeof path, "%s/f%d", dir, round % 4);
		for (size_t i = 0; i < sizeof out; i++)
			out[i] = (char)(worker_id * 31 + round * 7 + i);
		int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
		if (fd < 0 || write(fd, out, sizeof out) != sizeof out || lseek(fd, 0, SEEK_SET) != 0 ||
		    read(fd, in, sizeof in) != sizeof in || memcmp(in, out, sizeof in))
			bad++;
		close(fd);
	}
	check(bad == 0, "100 rounds of 3000 bytes written and read back, none mixed with another client's");
	struct stat st;
	snprintf(path, sizeof path, "%s/f3", dir);
	check(stat(path, &st) == 0 && st.st_size == 3000, "the last file has its 3000 bytes");
}

/* ---- the raw protocol ---- */

static long fs;			/* the registry handle */

/* A request of words registers and label op | count << 8: the reply's label, or -errno of the call. */
static long raw(long handle, uint64_t label, unsigned words, uint64_t flags)
{
	long tag = ipc_call(handle, RB_TAG(label, words) | flags, 0);

	return tag < 0 ? tag : (long)RB_TAG_LABEL(tag);
}

static long fs_error(long label)
{
	return label >= 0 && (label & (long)RB_FS_ERROR) ? label & ~(long)RB_FS_ERROR : 0;
}

/* A session of the raw protocol: its handle, or -errno. */
static long connect_raw(void)
{
	long lifeline = rb_port_create();

	if (lifeline < 0)
		return lifeline;
	rb_utcb()->mr[0] = (uint64_t)lifeline;
	long label = raw(fs, RB_FS_CONNECT, 1, RB_TAG_HANDLE);
	return label == 0 ? (long)rb_utcb()->mr[0] : -1;
}

static void put_path(unsigned at, const char *path)
{
	strcpy((char *)&rb_utcb()->mr[at], path);
}

static unsigned path_words(unsigned at, const char *path)
{
	return at + (unsigned)(strlen(path) + 8) / 8;
}

/* Opens path at session s in the raw protocol: the file's handle, or -errno. */
static long open_raw(long s, const char *path, int flags)
{
	uint64_t *mr = rb_utcb()->mr;

	mr[0] = (unsigned)flags;
	mr[1] = 0600;
	put_path(2, path);
	long label = raw(s, RB_FS_OPEN, path_words(2, path), 0);
	return label == 0 ? (long)mr[0] : -fs_error(label);
}

static struct rb_fs_statfs statfs_raw(long s)
{
	struct rb_fs_statfs st = { 0 };

	if (raw(s, RB_FS_STATFS, 0, 0) == 0)
		memcpy(&st, rb_utcb()->mr, sizeof st);
	return st;
}

static void expect_error(long label, int err, const char *what)
{
	char line[160];

	snprintf(line, sizeof line, "%s: %s (got %ld)", what, strerror(err), label);
	check(fs_error(label) == err, line);
}

static long session, file;

static void hostile_registry(void)
{
	uint64_t *mr = rb_utcb()->mr;

	expect_error(raw(fs, RB_FS_CONNECT, 1, 0), EINVAL, "connect without a lifeline");
	expect_error(raw(fs, RB_FS_STAT, 0, 0), EINVAL, "a path operation on the registry handle");
	expect_error(raw(fs, RB_FS_READ, 0, 0), EINVAL, "a file operation on the registry handle");
	session = connect_raw();
	check(session > 0, "connect with a lifeline gives a session handle");
	mr[0] = (uint64_t)session;
	expect_error(raw(session, RB_FS_CONNECT, 1, RB_TAG_HANDLE), EINVAL, "connect through a session handle");
	for (int i = 0; i < 200; i++) {
		mr[0] = (uint64_t)session;
		raw(session, RB_FS_STAT, 1, RB_TAG_HANDLE);	/* a handle it did not ask for */
	}
	long dir = open_raw(session, "/tmp", O_RDONLY);
	check(dir > 0, "after 200 handles it did not ask for, the server still has room to mint one");
	raw(dir, RB_FS_CLOSE, 0, 0);
	rb_handle_close(dir);
	check(raw(session, RB_FS_STATFS, 0, 0) == 0, "and the server still answers");
}

static void hostile_paths(void)
{
	uint64_t *mr = rb_utcb()->mr;

	memset(mr, 'a', 64 * 8);
	expect_error(raw(session, RB_FS_STAT, 64, 0), ENAMETOOLONG, "a path of 512 bytes without NUL");
	expect_error(raw(session, RB_FS_STAT, 3, 0), EINVAL, "a path without NUL in the 3 words sent");
	expect_error(raw(session, RB_FS_STAT, 0, 0), EINVAL, "no path at all");
	memset(mr, 0, 64 * 8);
	memset(mr, 'a', 300);
	mr[0] = 0x2f;				/* "/" then NUL */
	expect_error(raw(session, RB_FS_STAT, 40, 0), 0, "a path that ends before the words sent");
	strcpy((char *)mr, "relative");
	expect_error(raw(session, RB_FS_STAT, 2, 0), EINVAL, "a relative path");
	mr[0] = 3;
	put_path(2, "/tmp/x");
	expect_error(raw(session, RB_FS_OPEN, path_words(2, "/tmp/x"), 0), EINVAL, "open with access mode 3");
	mr[0] = (uint64_t)1 << 40 | O_RDONLY;
	expect_error(raw(session, RB_FS_OPEN, path_words(2, "/tmp/x"), 0), EINVAL, "open with flags past 32 bits");
	put_path(0, "/../../..");
	check(raw(session, RB_FS_STAT, 2, 0) == 0 && (rb_utcb()->mr[0] & S_IFMT) == S_IFDIR, "/../../.. is /");
}

/* A request lending [base, base + length) with rights: the reply's label or -errno. */
static long lend(long handle, uint64_t op, unsigned words, const void *base, uint64_t length, uint64_t rights)
{
	rb_utcb()->window = (struct rb_ipc_window){ (uint64_t)base, length, rights };
	return raw(handle, op, words, RB_TAG_WINDOW);
}

/* Reads and writes through windows (docs/files.md): every bad one refused. */
static void hostile_windows(void)
{
	static char small[64];
	uint64_t *mr = rb_utcb()->mr;
	long zero = open_raw(session, "/dev/zero", O_RDWR);
	long f = open_raw(session, "/tmp/hostile", O_RDWR);

	mr[0] = sizeof small;
	expect_error(lend(zero, RB_FS_READ, 1, small, sizeof small, RB_WINDOW_READ), EPERM,
		     "a read into a window the server may not write: EPERM");
	mr[0] = 16;
	expect_error(lend(zero, RB_FS_READ, 1, "rodata", 16, RB_WINDOW_WRITE), EFAULT,
		     "a read into read-only memory: EFAULT");
	mr[0] = 16;
	expect_error(lend(f, RB_FS_WRITE | (16u << RB_FS_COUNT_SHIFT), 1, small, 16, RB_WINDOW_READ), EINVAL,
		     "a window write with a count in the label: EINVAL");
	mr[0] = 0;
	mr[1] = 16;
	expect_error(lend(f, RB_FS_PWRITE, 2, small, 16, RB_WINDOW_WRITE), EPERM,
		     "a write from a window the server may not read: EPERM");
	long big = rb_mem_map(NULL, 2 * RB_FS_WINDOW_MAX, RB_PROT_READ | RB_PROT_WRITE);
	mr[0] = ~0ull;
	check(big > 0 && lend(zero, RB_FS_READ, 1, (void *)big, 2 * RB_FS_WINDOW_MAX, RB_WINDOW_WRITE) ==
			 RB_FS_WINDOW_MAX, "a read of 2^64-1 bytes of /dev/zero: RB_FS_WINDOW_MAX a call");
	mr[0] = 1ull << 20;
	check(lend(f, RB_FS_WRITE, 1, (void *)big, 1ull << 20, RB_WINDOW_READ) == 1 << 20,
	      "a 1 MiB write through a window");
	mr[0] = 0;
	mr[1] = 1ull << 30;
	check(lend(f, RB_FS_PWRITE, 2, (void *)big, 1ull << 30, RB_WINDOW_READ) == RB_FS_WINDOW_MAX,
	      "a pwrite from a 1 GiB window: RB_FS_WINDOW_MAX taken");
	mr[0] = 0;
	check(raw(f, RB_FS_TRUNCATE, 1, 0) == 0, "and the file emptied again");
	rb_handle_close(zero);
	rb_handle_close(f);
}

static void hostile_files(void)
{
	uint64_t *mr = rb_utcb()->mr;

	file = open_raw(session, "/tmp/hostile", O_CREAT | O_RDWR);
	check(file > 0, "a file opened in the raw protocol");
	expect_error(raw(file, RB_FS_WRITE | (600u << RB_FS_COUNT_SHIFT), 64, 0), EINVAL, "a write of 600 bytes");
	expect_error(raw(file, RB_FS_WRITE | (100u << RB_FS_COUNT_SHIFT), 2, 0), EINVAL,
		     "a write of 100 bytes in 2 words");
	expect_error(raw(file, RB_FS_WRITE | (1ull << 40), 2, 0), EINVAL, "a count past 16 bits");
	expect_error(raw(file, RB_FS_FSTAT | (8u << RB_FS_COUNT_SHIFT), 0, 0), EINVAL, "a count on an operation without data");
	expect_error(raw(session, RB_FS_STATFS | (1ull << 30), 0, 0), EINVAL, "label bits past the count");
	check(raw(file, RB_FS_WRITE | (16u << RB_FS_COUNT_SHIFT), 2, 0) == 16, "a good write of 16 bytes");
	mr[0] = ~0ull;
	check(raw(file, RB_FS_READ, 1, 0) == 0, "a read of 2^64-1 bytes at the end: 0");
	mr[0] = 0;
	mr[1] = ~0ull;
	check(raw(file, RB_FS_PREAD, 2, 0) == 16, "a pread of 2^64-1 bytes: the 16 there are");
	mr[0] = 1ull << 63;
	mr[1] = 1;
	expect_error(raw(file, RB_FS_PREAD, 2, 0), EINVAL, "a pread at 2^63");
	mr[0] = 1ull << 62;
	expect_error(raw(file, RB_FS_PWRITE | (8u << RB_FS_COUNT_SHIFT), 2, 0), EFBIG, "a pwrite at 2^62");
	mr[0] = INT64_MAX;
	mr[1] = SEEK_SET;
	check(raw(file, RB_FS_SEEK, 2, 0) == 0, "a seek to 2^63-1");
	mr[0] = 1;
	mr[1] = SEEK_CUR;
	expect_error(raw(file, RB_FS_SEEK, 2, 0), EOVERFLOW, "one more: EOVERFLOW");
	mr[0] = 0;
	mr[1] = 7;
	expect_error(raw(file, RB_FS_SEEK, 2, 0), EINVAL, "whence 7");
	mr[0] = 17u << 20;
	expect_error(raw(file, RB_FS_TRUNCATE, 1, 0), ENOSPC, "growing a file by 17 MiB: past the session's 16");
	mr[0] = 1ull << 40;
	expect_error(raw(file, RB_FS_TRUNCATE, 1, 0), ENOSPC, "growing a file to 1 TiB");
	mr[0] = 8u << 20;
	check(raw(file, RB_FS_TRUNCATE, 1, 0) == 0, "growing it by 8 MiB is allowed");
	mr[0] = 0;
	check(raw(file, RB_FS_TRUNCATE, 1, 0) == 0, "and shrinking back");
	for (uint64_t op = 0; op < 256; op += op == 0 ? RB_FS_OPS : 1)
		expect_error(raw(file, op, 0, 0), EINVAL, op == 0 ? "operation 0" : "an operation past the last");
	mr[0] = 7;
	expect_error(raw(file, RB_FS_READDIR, 1, 0), ENOTDIR, "readdir of a file");
	check(raw(file, RB_FS_CLOSE, 0, 0) == 0, "close");
	expect_error(raw(file, RB_FS_READ, 0, 0), EBADF, "the handle of the closed file: EBADF");
	hostile_windows();
	expect_error(raw(file, RB_FS_CLOSE, 0, 0), EBADF, "closed twice: EBADF");
	rb_handle_close(file);
}

/*
 * A read's reply in the message registers carries no byte an earlier
 * message left in the server's: a 25-byte file read back in four words,
 * after a 504-byte write of 'S' to another file filled the server's
 * registers, has zeros after its 25th byte (mr[3] is past the three words
 * that travel in CPU registers, so the server's own UTCB word goes out).
 */
static void hostile_stale_bytes(void)
{
	uint64_t *mr = rb_utcb()->mr;
	long small = open_raw(session, "/tmp/small", O_CREAT | O_RDWR);
	long big = open_raw(session, "/tmp/big", O_CREAT | O_RDWR);

	check(small > 0 && big > 0, "two files opened in the raw protocol");
	mr[0] = 0;
	memcpy(&mr[1], "0123456789abcdefghijklmno", 25);
	check(raw(small, RB_FS_PWRITE | (25u << RB_FS_COUNT_SHIFT), 5, 0) == 25, "25 bytes written to one");
	mr[0] = 0;
	memset(&mr[1], 'S', 504);
	check(raw(big, RB_FS_PWRITE | (504u << RB_FS_COUNT_SHIFT), 64, 0) == 504, "504 bytes of S to the other");
	memset(mr, 0xee, 64 * sizeof(*mr));
	mr[0] = 0;
	mr[1] = 32;
	check(raw(small, RB_FS_PREAD, 2, 0) == 25, "a pread of the 25 bytes");
	const char *tail = (const char *)&mr[3] + 1;
	int stale = 0;
	for (int i = 0; i < 7; i++)
		stale += tail[i] != 0;
	check(stale == 0, "the reply's last word is zero past the data: nothing of the earlier write");
	raw(small, RB_FS_CLOSE, 0, 0);
	raw(big, RB_FS_CLOSE, 0, 0);
	rb_handle_close(small);
	rb_handle_close(big);
}

/* RB_FS_SHARE and RB_FS_ADOPT (how a spawned task inherits files): keys are used once. */
static void hostile_shares(void)
{
	uint64_t *mr = rb_utcb()->mr;
	long f = open_raw(session, "/tmp/shared", O_CREAT | O_RDWR);

	check(f > 0 && raw(f, RB_FS_WRITE | (16u << RB_FS_COUNT_SHIFT), 2, 0) == 16, "a file to share, 16 bytes");
	mr[0] = 5;
	mr[1] = SEEK_SET;
	raw(f, RB_FS_SEEK, 2, 0);
	expect_error(raw(session, RB_FS_SHARE, 0, 0), EINVAL, "share of a session handle");
	expect_error(raw(fs, RB_FS_SHARE, 0, 0), EINVAL, "share of the registry handle");
	check(raw(f, RB_FS_SHARE, 0, 0) == 0 && mr[0] != 0, "share of a file: a key");
	uint64_t key = mr[0];
	mr[0] = key;
	expect_error(raw(f, RB_FS_ADOPT, 1, 0), EINVAL, "adopt on a file handle");
	expect_error(raw(session, RB_FS_ADOPT, 0, 0), EINVAL, "adopt without a key");
	mr[0] = 0;
	expect_error(raw(session, RB_FS_ADOPT, 1, 0), EBADF, "adopt of key 0");
	mr[0] = key ^ 1;
	expect_error(raw(session, RB_FS_ADOPT, 1, 0), EBADF, "adopt of a key never made");
	mr[0] = key;
	check(raw(session, RB_FS_ADOPT, 1, 0) == 0 && (mr[2] & O_ACCMODE) == O_RDWR && S_ISREG(mr[1]),
	      "adopt of the key: a handle, its flags and mode");
	long copy = (long)mr[0];
	mr[0] = 0;
	mr[1] = SEEK_CUR;
	check(raw(copy, RB_FS_SEEK, 2, 0) == 0 && mr[0] == 5, "the copy starts at the shared offset");
	mr[0] = key;
	expect_error(raw(session, RB_FS_ADOPT, 1, 0), EBADF, "the same key twice");
	raw(copy, RB_FS_CLOSE, 0, 0);
	rb_handle_close(copy);
	uint64_t keys[SHARES_PER_SESSION];
	int made = 0;
	for (int i = 0; i < SHARES_PER_SESSION; i++)
		if (raw(f, RB_FS_SHARE, 0, 0) == 0)
			keys[made++] = mr[0];
	check(made == SHARES_PER_SESSION, "60 shares waiting");
	expect_error(raw(f, RB_FS_SHARE, 0, 0), EMFILE, "a 61st: EMFILE");
	int back = 0;
	for (int i = 0; i < made; i++) {
		mr[0] = keys[i];
		if (raw(session, RB_FS_ADOPT, 1, 0) == 0) {
			long h = (long)mr[0];
			back += raw(h, RB_FS_CLOSE, 0, 0) == 0;
			rb_handle_close(h);
		}
	}
	check(back == made, "every share adopted and closed");
	check(raw(f, RB_FS_SHARE, 0, 0) == 0, "then sharing works again");
	raw(f, RB_FS_CLOSE, 0, 0);
	rb_handle_close(f);
}

static void hostile_noise(void)
{
	uint64_t *mr = rb_utcb()->mr, seed = 12345;
	int answered = 0;

	for (int i = 0; i < 2000; i++) {
		for (int w = 0; w < 64; w++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			mr[w] = seed;
		}
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		long target = (seed >> 33) & 1 ? session : fs;
		long label = raw(target, (seed >> 8) & RB_TAG_LABEL_MAX, (unsigned)(seed >> 56) % 65, 0);
		answered += label >= 0;
	}
	check(answered == 2000, "2000 requests of random labels and registers all answered");
	long second = connect_raw();
	check(second > 0 && raw(second, RB_FS_STATFS, 0, 0) == 0, "a second session works after them");
	long f = open_raw(session, "/tmp/hostile", O_RDONLY);
	check(f > 0 && raw(f, RB_FS_FSTAT, 0, 0) == 0, "and the first still opens files");
	long third = connect_raw(), fourth = connect_raw();
	check(third > 0 && fourth > 0, "four sessions of one task");
	long lifeline = rb_port_create();
	rb_utcb()->mr[0] = (uint64_t)lifeline;
	expect_error(raw(fs, RB_FS_CONNECT, 1, RB_TAG_HANDLE), EAGAIN, "a fifth: EAGAIN (sessions per task)");
	rb_utcb()->mr[0] = (uint64_t)fs;
	expect_error(raw(fs, RB_FS_CONNECT, 1, RB_TAG_HANDLE), EAGAIN,
		     "nor with the server's own registry handle as the lifeline");
	rb_handle_close(lifeline);
	long r = rb_bootdata_take(NULL, 0);
	check(r == -EPERM || r == -ENOENT, "rb_bootdata_take by another task: -EPERM or -ENOENT, never the data");
}

/* ---- a client that dies with files open ---- */

static void die(void)
{
	int fds[5];

	for (int i = 0; i < 5; i++) {
		char path[32];
		snprintf(path, sizeof path, "/tmp/dying%d", i);
		fds[i] = open(path, O_CREAT | O_RDWR, 0600);
		write(fds[i], "still open", 10);
	}
	unlink("/tmp/dying0");			/* kept only by the open file */
	close(open("/tmp/died", O_CREAT | O_WRONLY, 0600));
	printf("fs_clients: dying with %d files open\n", 5);
	_exit(0);
}

static void reap(void)
{
	struct stat st;
	uint64_t deadline = rb_clock_monotonic_ns() + RB_SECONDS(10);
	struct rb_fs_statfs fsst;

	while (stat("/tmp/died", &st) < 0 && rb_clock_monotonic_ns() < deadline)
		rb_sleep_ns(1000000);
	check(stat("/tmp/died", &st) == 0, "the dying client made its files");
	session = connect_raw();
	do {
		rb_sleep_ns(1000000);
		fsst = statfs_raw(session);
	} while ((fsst.open_files || !fsst.reclaimed) && rb_clock_monotonic_ns() < deadline);
	check(fsst.reclaimed >= 1, "the server reclaimed the ended client's session");
	check(fsst.open_files == 0, "and closed its five files");
	unsigned nodes = (unsigned)fsst.nodes;
	for (int i = 1; i < 5; i++) {
		char path[32];
		snprintf(path, sizeof path, "/tmp/dying%d", i);
		unlink(path);
	}
	fsst = statfs_raw(session);
	check(fsst.nodes == nodes - 4, "the unlinked file went with its last open file (node count)");
}

static void show(const char *path, off_t size)
{
	struct stat st;
	uint64_t deadline = rb_clock_monotonic_ns() + RB_SECONDS(10);
	char line[256];

	while ((stat(path, &st) < 0 || st.st_size < size) && rb_clock_monotonic_ns() < deadline)
		rb_sleep_ns(1000000);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f))
		printf("show: %s", line);
	if (f)
		fclose(f);
}

static const struct tap_test worker_tests[] = { { worker, tag_name } };
static const struct tap_test hostile_tests[] = {
	{ hostile_registry, "connecting, the registry handle, handles nobody asked for" },
	{ hostile_paths, "paths without NUL, too long, relative; bad open flags" },
	{ hostile_files, "bad counts, offsets, lengths, seeks, operations, stale handles" },
	{ hostile_stale_bytes, "read replies carry nothing of earlier messages" },
	{ hostile_shares, "shares: wrong handles, bad keys, keys used twice, the limit" },
	{ hostile_noise, "random requests, then good ones" },
};
static const struct tap_test reap_tests[] = { { reap, "a client that ended holding files" } };

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "worker")) {
		worker_id = atoi(argv[2]);
		snprintf(tag_name, sizeof tag_name, "worker %d", worker_id);
		return TAP_RUN(worker_tests);
	}
	if (argc == 2 && !strcmp(argv[1], "die"))
		die();
	if (argc == 4 && !strcmp(argv[1], "show")) {
		show(argv[2], atoi(argv[3]));
		return 0;
	}
	fs = rb_ns_lookup_wait(RB_FS_NAME, RB_SECONDS(5));
	if (fs < 0) {
		printf("fs_clients: no file server: %ld\n", fs);
		return 1;
	}
	if (argc == 2 && !strcmp(argv[1], "hostile"))
		return TAP_RUN(hostile_tests);
	if (argc == 2 && !strcmp(argv[1], "reap"))
		return TAP_RUN(reap_tests);
	fprintf(stderr, "usage: fs_clients worker ID | hostile | die | reap | show PATH SIZE\n");
	return 2;
}
