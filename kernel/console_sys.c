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

#define CONSOLE_CHUNK 256	/* bytes per copy through the kernel */

long sys_console_write(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];
	char chunk[CONSOLE_CHUNK];

	if (!user_range_ok(buf, len, false))
		return -EFAULT;
	for (uint64_t done = 0; done < len; done += sizeof(chunk)) {
		uint64_t n = len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		copy_from_user(chunk, buf + done, n);
		console_write(chunk, n);
	}
	return len;
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
