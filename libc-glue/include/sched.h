/*
 * <sched.h>: Rainbow's own (mk/picolibc leaves picolibc's out), so that
 * sched_yield is declared as POSIX.1-2008's base has it, without the
 * _POSIX_THREADS or _POSIX_PRIORITY_SCHEDULING that picolibc's asks for.
 * struct sched_param and the SCHED_* policies come from picolibc's
 * <sys/sched.h>; no function that sets a policy or priority exists.
 */
#ifndef _RAINBOW_SCHED_H
#define _RAINBOW_SCHED_H

#include <sys/cdefs.h>
#include <sys/sched.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Lets another ready thread run (rb_yield); returns 0 (libc-glue/sleep.c). */
int sched_yield(void);

#ifdef __cplusplus
}
#endif

#endif
