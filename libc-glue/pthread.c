/*
 * pthread_create, join, detach, self, equal and exit (<pthread.h>), over
 * rb_thread_* (thread.c).  A control block is malloc'd per thread; the
 * first thread's is static.  A detached thread cannot free the stack it
 * runs on, so when it ends it goes on a list, and the next pthread_create
 * or pthread_detach waits for it (it is then at its last instruction) and
 * frees it.
 */
#include <errno.h>
#include <stdlib.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "glue.h"
#include "pthread_impl.h"

static struct __rb_pthread first_thread;
__thread struct __rb_pthread *__rb_pthread_current;
static struct __rb_pthread *ended_detached;     /* under ended_lock */
static uint32_t ended_lock;

pthread_t pthread_self(void)
{
	struct __rb_pthread *self = __rb_pthread_current;

	return self ? self : &first_thread;
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/* Waits for an ended thread to be gone and frees what it held. */
static void reap(struct __rb_pthread *t)
{
	rb_thread_wait(t->thread, NULL);
	free(t);
}

static void reap_ended_detached(void)
{
	struct __rb_pthread *list;

	if (!__atomic_load_n(&ended_detached, __ATOMIC_RELAXED))
		return;
	__rb_word_lock(&ended_lock);
	list = ended_detached;
	ended_detached = NULL;
	__rb_word_unlock(&ended_lock);
	while (list) {
		struct __rb_pthread *next = list->next_ended;
		reap(list);
		list = next;
	}
}

_Noreturn void pthread_exit(void *value)
{
	struct __rb_pthread *self = pthread_self();
	uint32_t joinable = PTHREAD_JOINABLE;

	self->value = value;
	__rb_pthread_cleanup_run_all();
	__rb_pthread_key_destroy_all(self);
	__rb_stdout_flush();
	if (!__atomic_compare_exchange_n(&self->state, &joinable, PTHREAD_ENDED, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) &&
	    joinable == PTHREAD_DETACHED && self->thread) {
		/* Detached: the next pthread_create or pthread_detach frees it. */
		__rb_word_lock(&ended_lock);
		self->next_ended = ended_detached;
		ended_detached = self;
		__rb_word_unlock(&ended_lock);
	}
	rb_thread_exit(0);
}

static int thread_main(void *arg)
{
	struct __rb_pthread *self = arg;

	__rb_pthread_current = self;
	pthread_exit(self->start(self->arg));
}

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg)
{
	pthread_attr_t defaults;
	struct __rb_pthread *t;

	if (!attr) {
		pthread_attr_init(&defaults);
		attr = &defaults;
	}
	if (attr->__stacksize < PTHREAD_STACK_MIN ||
	    (attr->__detachstate != PTHREAD_CREATE_JOINABLE &&
	     attr->__detachstate != PTHREAD_CREATE_DETACHED))
		return EINVAL;
	reap_ended_detached();
	t = calloc(1, sizeof *t);
	if (!t)
		return EAGAIN;
	t->start = start;
	t->arg = arg;
	t->state = attr->__detachstate == PTHREAD_CREATE_DETACHED ? PTHREAD_DETACHED
								   : PTHREAD_JOINABLE;
	*thread = t;
	t->thread = __rb_thread_start_sized(thread_main, t, attr->__stacksize);
	if (!t->thread) {
		free(t);
		return EAGAIN;
	}
	return 0;
}

int pthread_join(pthread_t thread, void **value)
{
	uint32_t state = __atomic_load_n(&thread->state, __ATOMIC_ACQUIRE);

	if (thread == pthread_self())
		return EDEADLK;
	if (!thread->thread)
		return EINVAL;
	do {
		if (state == PTHREAD_DETACHED)
			return EINVAL;
		if (state == PTHREAD_JOINED)
			return ESRCH;
	} while (!__atomic_compare_exchange_n(&thread->state, &state, PTHREAD_JOINED, false,
					      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
	/* Ended or not, the kernel's join waits for the thread to be gone. */
	rb_thread_wait(thread->thread, NULL);
	if (value)
		*value = thread->value;
	free(thread);
	return 0;
}

int pthread_detach(pthread_t thread)
{
	uint32_t state = PTHREAD_JOINABLE;

	if (!thread->thread)
		return EINVAL;
	if (__atomic_compare_exchange_n(&thread->state, &state, PTHREAD_DETACHED, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return 0;
	/* Ended already: nobody will join it, so it goes now. */
	if (state == PTHREAD_ENDED &&
	    __atomic_compare_exchange_n(&thread->state, &state, PTHREAD_JOINED, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		reap(thread);
		return 0;
	}
	return EINVAL;
}
