/*
 * The file server lets go of what ended tasks held, whatever they left it
 * to go by (docs/files.md): sessions whose lifeline never dies, under a
 * task id a later task reuses, and shares nobody adopted.
 *   fs_dead            the test: spawns the children below from its own
 *                      file (/bin/fs_dead, a data line of its bundle)
 *   fs_dead hog        take 4 sessions with the server's own registry
 *                      handle as lifeline (a port that never dies), exit
 *   fs_dead share MIB PATH  make a file of MIB MiB, share it
 *                      (RB_FS_SHARE), unlink and close it, exit: only the
 *                      share, which nobody adopts, holds its space
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rainbow/fs.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "spawn_status.h"
#include "tap.h"

static long raw(long handle, uint64_t label, unsigned words, uint64_t flags)
{
	long tag = ipc_call(handle, RB_TAG(label, words) | flags, 0);

	return tag < 0 ? tag : (long)RB_TAG_LABEL(tag);
}

/* Four sessions, each with the registry handle itself as lifeline. */
static int hog(void)
{
	long fs = rb_ns_lookup(RB_FS_NAME);
	int got = 0;

	for (int i = 0; i < 4 && fs > 0; i++) {
		rb_utcb()->mr[0] = (uint64_t)fs;
		got += raw(fs, RB_FS_CONNECT, 1, RB_TAG_HANDLE) == 0;
	}
	return got == 4 ? 0 : 1;
}

/* A session of the raw protocol with a lifeline of its own: its handle, or -1. */
static long connect_raw(long fs)
{
	long lifeline = rb_port_create();

	rb_utcb()->mr[0] = (uint64_t)lifeline;
	return lifeline > 0 && raw(fs, RB_FS_CONNECT, 1, RB_TAG_HANDLE) == 0 ? (long)rb_utcb()->mr[0] : -1;
}

/* A file of MIB MiB held only by a share: made, shared, unlinked, closed. */
static int share(long mib, const char *path)
{
	uint64_t *mr = rb_utcb()->mr;
	long s = connect_raw(rb_ns_lookup(RB_FS_NAME));

	mr[0] = O_CREAT | O_RDWR;
	mr[1] = 0600;
	strcpy((char *)&mr[2], path);
	if (s < 0 || raw(s, RB_FS_OPEN, 2 + (unsigned)(strlen(path) + 8) / 8, 0) != 0)
		return 1;
	long f = (long)mr[0];
	mr[0] = (uint64_t)mib << 20;
	if (raw(f, RB_FS_TRUNCATE, 1, 0) != 0 || raw(f, RB_FS_SHARE, 0, 0) != 0)
		return 1;
	if (unlink(path) != 0 || raw(f, RB_FS_CLOSE, 0, 0) != 0)
		return 1;
	return 0;	/* nobody adopts the share */
}

/* Runs /bin/fs_dead with args; its exit status, or -1. */
static int child(char *const args[])
{
	return spawn_status("/bin/fs_dead", args);
}

static void dead_sessions(void)
{
	int ok = 0;

	/* 13 hogs of 4 sessions: 52, more than the server's 48 at once. */
	for (int i = 0; i < 13; i++) {
		ok += child((char *[]){ "fs_dead", "hog", NULL }) == 0;
		rb_sleep_ns(40000000);	/* the server's sweep looks every 10 ms */
	}
	check(ok == 13, "13 tasks in a row each got 4 sessions with a lifeline that never dies");
	int fd = open("/tmp/after", O_CREAT | O_WRONLY, 0600);
	check(fd >= 0 && write(fd, "x", 1) == 1 && close(fd) == 0,
	      "and this task still opens and writes a file");
}

static void dead_shares(void)
{
	int ok = 0;

	/* 9 x 6 MiB: with the 12 MiB below, more than the tree's 64 MiB. */
	for (int i = 0; i < 9; i++) {
		char path[32];
		snprintf(path, sizeof path, "/tmp/shared%d", i);
		ok += child((char *[]){ "fs_dead", "share", "6", path, NULL }) == 0;
		rb_sleep_ns(40000000);
	}
	check(ok == 9, "9 tasks each made a 6 MiB file, shared it, unlinked it and ended");
	static char block[65536];
	int fd = open("/tmp/mine", O_CREAT | O_RDWR | O_TRUNC, 0600);
	long written = 0;
	for (int i = 0; fd >= 0 && i < 12 * 16; i++)
		written += write(fd, block, sizeof block) == (ssize_t)sizeof block ? (long)sizeof block : 0;
	check(written == 12l << 20, "this session then writes 12 MiB: the shares' space came back");
	close(fd);
	unlink("/tmp/mine");
}

static const struct tap_test tests[] = {
	{ dead_sessions, "sessions of ended tasks" },
	{ dead_shares, "shares of ended tasks" },
};

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "hog"))
		return hog();
	if (argc == 4 && !strcmp(argv[1], "share"))
		return share(atol(argv[2]), argv[3]);
	return TAP_RUN(tests);
}
