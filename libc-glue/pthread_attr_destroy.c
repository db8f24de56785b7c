/*
 * Destroying an attributes object (POSIX pthread_*attr_destroy): Rainbow's
 * attributes hold no resources, so every kind's destroy is the same no-op,
 * one function under four names.  Returns 0.
 */
#include <pthread.h>

static int attr_destroy(void *attr)
{
	(void)attr;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *attr) __attribute__((alias("attr_destroy")));
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr) __attribute__((alias("attr_destroy")));
int pthread_condattr_destroy(pthread_condattr_t *attr) __attribute__((alias("attr_destroy")));
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr) __attribute__((alias("attr_destroy")));
