#ifndef BACKTRACE_H
#define BACKTRACE_H

#include <stdint.h>

/* Walk kernel frames from frame pointer fp, printing symbolized return addresses. */
void backtrace_from(uint64_t fp);
/* The same from the caller's frame. */
void backtrace_here(void);

#endif
