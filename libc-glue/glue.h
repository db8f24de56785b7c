/*
 * What the libc glue and the crt share.  Not installed.
 */
#ifndef RAINBOW_GLUE_H
#define RAINBOW_GLUE_H

#include <stdbool.h>

/*
 * The one place errno is set: r is a vDSO result, negative errno on
 * failure.  Returns r, or -1 after storing -r in errno.
 */
long __rb_syscall_ret(long r);

/* Writes out the calling thread's pending stdout line (stdio.c). */
void __rb_stdout_flush(void);

/* File descriptors 0, 1 and 2 are the console; no others exist. */
static inline bool __rb_is_console_fd(int fd)
{
	return fd >= 0 && fd <= 2;
}

#endif
