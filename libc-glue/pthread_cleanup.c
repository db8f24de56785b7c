/*
 * Cleanup handlers (<pthread.h>'s pthread_cleanup_push and _pop): each
 * thread's handlers are a stack of records that live in the callers'
 * blocks (the macros'), linked from a thread-local top, so pushing takes
 * no memory and cannot fail.  pthread_exit runs what is left.
 */
#include <stddef.h>

#include "pthread_impl.h"

static __thread struct __rb_pthread_cleanup *top;

void __rb_pthread_cleanup_push(struct __rb_pthread_cleanup *cleanup,
			       void (*routine)(void *), void *arg)
{
	cleanup->__routine = routine;
	cleanup->__arg = arg;
	cleanup->__next = top;
	top = cleanup;
}

void __rb_pthread_cleanup_pop(struct __rb_pthread_cleanup *cleanup, int execute)
{
	top = cleanup->__next;
	if (execute)
		cleanup->__routine(cleanup->__arg);
}

/* Each handler is off the stack before it runs, so one that exits runs once. */
void __rb_pthread_cleanup_run_all(void)
{
	while (top)
		__rb_pthread_cleanup_pop(top, 1);
}
