/*
 * Thread-specific data (<pthread.h>): PTHREAD_KEYS_MAX keys for the task,
 * and in each thread's control block one value per key.  A key's
 * generation changes when it is deleted, so a value set under an old key
 * is never taken for one of the new key, nor passed to its destructor.
 */
#include <errno.h>
#include <stddef.h>

#include "glue.h"
#include "pthread_impl.h"

static struct {
	void (*destructor)(void *);
	int live;
	unsigned generation;    /* changes at each delete */
} keys[PTHREAD_KEYS_MAX];
static uint32_t keys_lock;

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int r = EAGAIN;

	__rb_word_lock(&keys_lock);
	for (pthread_key_t k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (keys[k].live)
			continue;
		keys[k].live = 1;
		keys[k].destructor = destructor;
		*key = k;
		r = 0;
		break;
	}
	__rb_word_unlock(&keys_lock);
	return r;
}

int pthread_key_delete(pthread_key_t key)
{
	int r = EINVAL;

	__rb_word_lock(&keys_lock);
	if (key < PTHREAD_KEYS_MAX && keys[key].live) {
		keys[key].live = 0;
		keys[key].generation++;
		r = 0;
	}
	__rb_word_unlock(&keys_lock);
	return r;
}

void *pthread_getspecific(pthread_key_t key)
{
	struct __rb_pthread *self = pthread_self();

	if (key >= PTHREAD_KEYS_MAX || !keys[key].live ||
	    self->specific[key].generation != keys[key].generation)
		return NULL;
	return self->specific[key].value;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= PTHREAD_KEYS_MAX || !keys[key].live)
		return EINVAL;
	pthread_self()->specific[key].value = (void *)value;
	pthread_self()->specific[key].generation = keys[key].generation;
	return 0;
}

void __rb_pthread_key_destroy_all(struct __rb_pthread *self)
{
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int ran = 0;

		for (pthread_key_t k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *value = pthread_getspecific(k);
			void (*destructor)(void *) = keys[k].destructor;

			if (!value || !destructor)
				continue;
			self->specific[k].value = NULL;
			destructor(value);
			ran = 1;
		}
		if (!ran)
			return;
	}
}
