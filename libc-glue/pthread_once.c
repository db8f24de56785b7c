/*
 * pthread_once (<pthread.h>): the first caller runs init; callers that
 * come meanwhile sleep in the kernel on the control word until it is done.
 */
#include <pthread.h>
#include <stdbool.h>

#include <rainbow/syscall.h>

enum { NOT_RUN, RUNNING, DONE };

int pthread_once(pthread_once_t *control, void (*init)(void))
{
	uint32_t state = NOT_RUN;

	if (__atomic_load_n(&control->__state, __ATOMIC_ACQUIRE) == DONE)
		return 0;
	if (__atomic_compare_exchange_n(&control->__state, &state, RUNNING, false,
					__ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
		init();
		__atomic_store_n(&control->__state, DONE, __ATOMIC_RELEASE);
		rb_futex_wake(&control->__state, RB_FUTEX_WAKE_ALL);
		return 0;
	}
	while (__atomic_load_n(&control->__state, __ATOMIC_ACQUIRE) == RUNNING)
		rb_futex_wait(&control->__state, RUNNING, 0, 0);
	return 0;
}
