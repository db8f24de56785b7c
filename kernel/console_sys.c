/*
 * System calls of the serial console: rb_console_write, rb_console_read
 * (its input comes by interrupt, console_input.c).
 * User bytes pass through a small kernel buffer: only uaccess.c touches
 * user pages (SMAP).
 */
#include "syscall_handlers.h"
#include "log.h"
#include "console_input.h"
#include "uaccess.h"
#include <errno.h>
#include <rainbow/types.h>

#define CONSOLE_CHUNK 256	/* bytes per copy through the kernel */

/*
 * At most RB_CONSOLE_WRITE_MAX bytes a call: the serial port is slow and the
 * kernel runs with interrupts off, so a longer write would stop every task
 * for its whole length.  The caller writes the rest with the next call.
 */
long sys_console_write(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];
	char chunk[CONSOLE_CHUNK];
	uint64_t n = len < RB_CONSOLE_WRITE_MAX ? len : RB_CONSOLE_WRITE_MAX;

	if (buf + len < buf || !user_range_ok(buf, n, false))
		return -EFAULT;
	for (uint64_t done = 0; done < n; done += sizeof(chunk)) {
		uint64_t part = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
		copy_from_user(chunk, buf + done, part);
		console_write(chunk, part);
	}
	return n;
}

/*
 * Blocks in console_input_read until input arrives (the serial interrupt
 * wakes it), then copies what it took out through the kernel chunk.
 */
long sys_console_read(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1], flags = arg[2];
	char chunk[CONSOLE_CHUNK];
	uint64_t most = len < sizeof(chunk) ? len : sizeof(chunk);	/* one chunk a call */

	if (flags & ~(uint64_t)RB_CONSOLE_NONBLOCK)
		return -EINVAL;
	if (buf + len < buf || !user_range_ok(buf, most, true))
		return -EFAULT;
	long n = console_input_read(chunk, most, flags & RB_CONSOLE_NONBLOCK);
	/* Checked above; only another thread unmapping it while this one
	 * slept fails here, and then the bytes taken are lost. */
	if (n > 0 && copy_to_user(buf, chunk, (size_t)n))
		return -EFAULT;
	return n;
}
