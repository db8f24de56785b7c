/*
 * C11 threads, thread-specific storage and call_once (<threads.h>) on
 * <pthread.h>.  A C11 thread returns an int; it travels as the pthread's
 * void * value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

#include <rainbow/syscall.h>

struct start {
	thrd_start_t func;
	void *arg;
};

static void *c11_main(void *arg)
{
	struct start start = *(struct start *)arg;

	free(arg);
	return (void *)(intptr_t)start.func(start.arg);
}

int thrd_create(thrd_t *thr, thrd_start_t func, void *arg)
{
	struct start *start = malloc(sizeof *start);

	if (!start)
		return thrd_nomem;
	*start = (struct start){ func, arg };
	if (pthread_create(thr, NULL, c11_main, start)) {
		free(start);
		return thrd_nomem;
	}
	return thrd_success;
}

thrd_t thrd_current(void)
{
	return pthread_self();
}

int thrd_detach(thrd_t thr)
{
	return pthread_detach(thr) ? thrd_error : thrd_success;
}

int thrd_equal(thrd_t a, thrd_t b)
{
	return pthread_equal(a, b);
}

_Noreturn void thrd_exit(int res)
{
	pthread_exit((void *)(intptr_t)res);
}

int thrd_join(thrd_t thr, int *res)
{
	void *value;

	if (pthread_join(thr, &value))
		return thrd_error;
	if (res)
		*res = (int)(intptr_t)value;
	return thrd_success;
}

int thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
	if (nanosleep(duration, NULL))
		return -2;
	if (remaining)
		*remaining = (struct timespec){ 0, 0 };
	return 0;
}

void thrd_yield(void)
{
	rb_yield();
}

int tss_create(tss_t *key, tss_dtor_t dtor)
{
	return pthread_key_create(key, dtor) ? thrd_error : thrd_success;
}

void tss_delete(tss_t key)
{
	pthread_key_delete(key);
}

void *tss_get(tss_t key)
{
	return pthread_getspecific(key);
}

int tss_set(tss_t key, void *val)
{
	return pthread_setspecific(key, val) ? thrd_error : thrd_success;
}

void call_once(once_flag *flag, void (*func)(void))
{
	pthread_once(flag, func);
}
