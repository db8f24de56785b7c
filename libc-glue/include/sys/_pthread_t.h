/*
 * pthread_t, Rainbow's own: the one declaration <pthread.h> and <signal.h>
 * (POSIX asks both for the type) share.  A thread is named by its control
 * block (libc-glue/pthread_impl.h), from pthread_create or the first
 * thread's.
 */
#ifndef _SYS__PTHREAD_T_H
#define _SYS__PTHREAD_T_H

typedef struct __rb_pthread *pthread_t;

#endif
