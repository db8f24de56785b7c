/*
 * <limits.h>: picolibc's (and through it gcc's), with what POSIX asks of it
 * that picolibc leaves to the system.  Rainbow's additions over picolibc's
 * headers live in this folder, the first on the include path
 * (crt/rainbow.specs.in), and each reaches the header it extends with
 * #include_next.
 */
#include_next <limits.h>

#ifndef SSIZE_MAX
/* The largest ssize_t: picolibc's is size_t's signed twin, long on x86_64. */
#define SSIZE_MAX __LONG_MAX__
#endif
