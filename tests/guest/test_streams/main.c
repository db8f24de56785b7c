/*
 * Streams that reach files, as C17 says: fflush(NULL) flushes every output
 * stream (7.21.5.2), exit flushes every open stream (7.22.4.4), _exit
 * flushes none (POSIX), and remove takes an empty directory (7.21.4.1 and
 * POSIX's remove = rmdir).  The exit cases run in children started from
 * this same file (/bin/test_streams, a data line of its bundle).
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn_status.h"
#include "tap.h"

/* The first line of path, or "" when there is none. */
static const char *first_line(const char *path)
{
	static char line[128];
	FILE *f = fopen(path, "r");

	line[0] = '\0';
	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = '\0';
		fclose(f);
	}
	return line;
}

/* Runs this program as a child with mode; its exit status, or -1. */
static int child(const char *mode)
{
	char *argv[] = { "test_streams", (char *)mode, NULL };

	return spawn_status("/bin/test_streams", argv);
}

/* In a child: a line written, the stream left open, then the end. */
static int child_main(const char *mode)
{
	if (!strcmp(mode, "fclose_stdout")) {
		/* jq's end: a file read and closed, then stdout closed, then exit. */
		FILE *r = fopen("/bin/test_streams", "r");
		if (!r || fgetc(r) != 0x7f || fclose(r) || fclose(stdout))
			return 1;
		free(malloc(64));
		exit(5);
	}
	FILE *f = fopen(!strcmp(mode, "exit") ? "/tmp/at_exit" : "/tmp/at__exit", "w");

	if (!f || fprintf(f, "left open\n") < 0)
		return 1;
	if (!strcmp(mode, "_exit"))
		_exit(7);
	exit(3);
}

static void flush_null(void)
{
	FILE *w = fopen("/tmp/flushed", "w");

	check(w && fprintf(w, "pending\n") == 8, "a line written to a file stream");
	check(!strcmp(first_line("/tmp/flushed"), ""), "is not in the file before a flush");
	check(fflush(NULL) == 0, "fflush(NULL): 0");
	check(!strcmp(first_line("/tmp/flushed"), "pending\n"), "and the line is in the file");
	check(w && fclose(w) == 0, "fclose after fflush(NULL): 0");
	check(fflush(NULL) == 0, "fflush(NULL) with no file stream open: 0");
}

static void at_exit(void)
{
	check(child("exit") == 3 && !strcmp(first_line("/tmp/at_exit"), "left open\n"),
	      "exit(3) with a stream left open: status 3, its line in the file");
	check(child("_exit") == 7 && !strcmp(first_line("/tmp/at__exit"), ""),
	      "_exit(7) with a stream left open: status 7, nothing written");
	check(child("fclose_stdout") == 5, "fclose(stdout) after a file's fclose, then exit(5): status 5");
}

static void remove_directories(void)
{
	struct stat st;

	check(mkdir("/tmp/d", 0777) == 0 && mkdir("/tmp/d/e", 0777) == 0, "mkdir /tmp/d and /tmp/d/e");
	errno = 0;
	check(remove("/tmp/d") == -1 && errno == ENOTEMPTY, "remove of a directory that holds one: ENOTEMPTY");
	check(remove("/tmp/d/e") == 0 && remove("/tmp/d") == 0, "remove of an empty directory: 0, as rmdir");
	check(stat("/tmp/d", &st) == -1 && errno == ENOENT, "and it is gone");
	check(remove("/tmp/flushed") == 0 && remove("/tmp/flushed") == -1 && errno == ENOENT,
	      "remove of a file: 0, then ENOENT");
}

static const struct tap_test tests[] = {
	{ flush_null, "fflush(NULL)" },
	{ at_exit, "exit and _exit with a stream open" },
	{ remove_directories, "remove" },
};

int main(int argc, char **argv)
{
	if (argc == 2)
		return child_main(argv[1]);
	return TAP_RUN(tests);
}
