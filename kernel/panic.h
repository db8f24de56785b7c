#ifndef PANIC_H
#define PANIC_H

#include <stdint.h>

struct trap_frame;

/* Report a kernel bug with a backtrace and stop QEMU with a failure status. */
_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same for an unexpected exception taken in kernel mode. */
_Noreturn void panic_trap(const struct trap_frame *f);

#define KASSERT(cond) \
	do { if (!(cond)) panic("assertion failed: %s (%s:%d)", #cond, __FILE__, __LINE__); } while (0)

#endif
