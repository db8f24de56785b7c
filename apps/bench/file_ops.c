/*
 * Files on the file server (apps/fsd, docs/files.md): pread and pwrite of
 * 4 KiB, each one IPC round trip whose data the server copies straight
 * from or into the caller's buffer, lent as the call's window; open then
 * close of an existing file (two round trips); stat (one).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

#define FILE_BYTES 4096

static int fd = -1;
static char buf[FILE_BYTES];

static long read_4k(void)
{
	return pread(fd, buf, sizeof buf, 0) == sizeof buf ? 0 : -1;
}

static long write_4k(void)
{
	return pwrite(fd, buf, sizeof buf, 0) == sizeof buf ? 0 : -1;
}

static long open_close(void)
{
	int f = open("/tmp/bench", O_RDONLY);

	return f >= 0 && close(f) == 0 ? 0 : -1;
}

static long stat_file(void)
{
	struct stat st;

	return stat("/tmp/bench", &st) == 0 && st.st_size == FILE_BYTES ? 0 : -1;
}

void bench_files(void)
{
	fd = open("/tmp/bench", O_CREAT | O_RDWR | O_TRUNC, 0600);
	if (fd < 0 || write(fd, buf, sizeof buf) != sizeof buf) {
		bench_fail("file_read_4k", "open /tmp/bench (is fsd in the bundle?)", -1);
		bench_fail("file_write_4k", "open /tmp/bench", -1);
		bench_fail("open_close", "open /tmp/bench", -1);
		bench_fail("stat", "open /tmp/bench", -1);
		return;
	}
	bench_finish("file_read_4k", "pread", bench_time(read_4k), 1);
	bench_finish("file_write_4k", "pwrite", bench_time(write_4k), 1);
	bench_finish("open_close", "open + close", bench_time(open_close), 1);
	bench_finish("stat", "stat", bench_time(stat_file), 1);
	close(fd);
}
