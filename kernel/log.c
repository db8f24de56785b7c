/*
 * The kernel log.  Formatting is picolibc's vsnprintf (kernel flavour);
 * output goes to the serial console.  Lines longer than the buffer are
 * marked as cut rather than silently truncated.  A kernel line starts a
 * line of its own: after a task's unfinished line (whichever CPU wrote
 * it), a newline first.  All writers hold the kernel lock, so one flag for
 * the console is exact.
 */
#include "log.h"
#include "arch/serial.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#define LOG_LINE_MAX 256
static const char cut_marker[] = "...[cut]";
/* The last byte written was not a newline: a line is unfinished. */
static bool line_open;

void console_write(const char *s, unsigned long n)
{
	if (n == 0)
		return;
	serial_write(s, n);
	line_open = s[n - 1] != '\n';
}

static void vlog(const char *prefix, const char *fmt, va_list ap, const char *suffix)
{
	char buf[LOG_LINE_MAX];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (prefix && line_open)
		console_write("\n", 1);
	if (prefix)
		console_write(prefix, __builtin_strlen(prefix));
	if (n < 0)
		n = 0;
	if ((unsigned)n >= sizeof(buf)) {
		console_write(buf, sizeof(buf) - 1);
		console_write(cut_marker, sizeof(cut_marker) - 1);
	} else {
		console_write(buf, (unsigned)n);
	}
	if (suffix)
		console_write(suffix, __builtin_strlen(suffix));
}

void klog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("[rainbow] ", fmt, ap, "\n");
	va_end(ap);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(NULL, fmt, ap, NULL);
	va_end(ap);
}
