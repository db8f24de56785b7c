/*
 * The kernel log.  Formatting is picolibc's vsnprintf (kernel flavour);
 * output goes to the serial console.  Lines longer than the buffer are
 * marked as cut rather than silently truncated.
 */
#include "log.h"
#include "arch/serial.h"
#include <stdarg.h>
#include <stdio.h>

#define LOG_LINE_MAX 256
static const char cut_marker[] = "...[cut]";

void console_write(const char *s, unsigned long n)
{
	serial_write(s, n);
}

static void vlog(const char *prefix, const char *fmt, va_list ap, const char *suffix)
{
	char buf[LOG_LINE_MAX];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

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
