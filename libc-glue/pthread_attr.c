/*
 * Thread attributes (<pthread.h>): stack size and detach state, all that
 * pthread_create takes.
 */
#include <errno.h>
#include <pthread.h>

#include <rainbow/thread.h>

#include "glue.h"

int pthread_attr_init(pthread_attr_t *attr)
{
	*attr = (pthread_attr_t){ .__stacksize = RB_THREAD_STACK_SIZE,
				  .__detachstate = PTHREAD_CREATE_JOINABLE };
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t stacksize)
{
	if (stacksize < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->__stacksize = stacksize;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *restrict attr, size_t *restrict stacksize)
{
	*stacksize = attr->__stacksize;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *attr, int detachstate)
{
	return __rb_attr_set(&attr->__detachstate, detachstate,
			     detachstate == PTHREAD_CREATE_JOINABLE || detachstate == PTHREAD_CREATE_DETACHED);
}

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *detachstate)
{
	*detachstate = attr->__detachstate;
	return 0;
}
