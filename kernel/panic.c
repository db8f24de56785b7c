/* Kernel bugs end here: a report on the console, then QEMU exits failing. */
#include "panic.h"
#include "log.h"
#include "machine.h"
#include "backtrace.h"
#include <stdarg.h>
#include <stdio.h>

_Noreturn void panic(const char *fmt, ...)
{
	char msg[192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	klog("PANIC: %s", msg);
	backtrace_here();
	machine_exit(false);
}
