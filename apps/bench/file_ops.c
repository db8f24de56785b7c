/*
 * Files: pread and pwrite of 4 KiB on a file of the file server (apps/fsd),
 * the data moving through the message registers, RB_FS_DATA_MAX bytes a
 * call (docs/files.md): libc, then eight IPC round trips to read and nine
 * to write (a pwrite call carries its offset too).
 */
#include <fcntl.h>
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

void bench_files(void)
{
	fd = open("/tmp/bench", O_CREAT | O_RDWR | O_TRUNC, 0600);
	if (fd < 0 || write(fd, buf, sizeof buf) != sizeof buf) {
		bench_fail("file_read_4k", "open /tmp/bench (is fsd in the bundle?)", -1);
		bench_fail("file_write_4k", "open /tmp/bench", -1);
		return;
	}
	bench_finish("file_read_4k", "pread", bench_time(read_4k), 1);
	bench_finish("file_write_4k", "pwrite", bench_time(write_4k), 1);
	close(fd);
}
