/* System calls of the serial console: rb_console_write, rb_console_read. */
#include "syscall.h"
#include "log.h"
#include "arch/serial.h"
#include "uaccess.h"
#include <errno.h>

long sys_console_write(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];

	if (!user_range_ok(buf, len, false))
		return -EFAULT;
	console_write((const char *)buf, len);
	return len;
}

/* Polled: returns what the serial port has now, 0 when nothing is waiting. */
long sys_console_read(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];

	if (!user_range_ok(buf, len, true))
		return -EFAULT;
	uint64_t n = 0;
	int c;
	while (n < len && (c = serial_getc_nonblock()) >= 0)
		((char *)buf)[n++] = (char)c;
	return n;
}
