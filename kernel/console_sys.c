/*
 * System calls of the serial console: rb_console_write, rb_console_read.
 * User bytes pass through a small kernel buffer: only uaccess.c touches
 * user pages (SMAP).
 */
#include "syscall_handlers.h"
#include "log.h"
#include "arch/serial.h"
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

/* Polled: returns what the serial port has now, 0 when nothing is waiting. */
long sys_console_read(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];
	char chunk[CONSOLE_CHUNK];
	uint64_t n = 0;
	int c;

	if (!user_range_ok(buf, len, true))
		return -EFAULT;
	while (n < len && n < sizeof(chunk) && (c = serial_getc_nonblock()) >= 0)
		chunk[n++] = (char)c;
	copy_to_user(buf, chunk, n);
	return n;
}
