/*
 * quick_exit() and at_quick_exit() (C11 7.22.4.3, 7.22.4.7): the functions
 * registered run in the reverse order of their registration, then _Exit()
 * ends the task.  atexit functions and destructors do not run, and stdio
 * buffers are not written out.  picolibc declares both but has neither.
 */
#include <stdlib.h>
#include <sys/lock.h>

/* C11 asks for at least 32 registrations. */
#define QUICK_EXIT_MAX 32

static void (*handlers[QUICK_EXIT_MAX])(void);
static int registered;

/* Returns 0, or nonzero when QUICK_EXIT_MAX functions are registered. */
int at_quick_exit(void (*func)(void))
{
	int r = 1;

	__retarget_lock_acquire_recursive(&__lock___libc_recursive_mutex);
	if (registered < QUICK_EXIT_MAX) {
		handlers[registered++] = func;
		r = 0;
	}
	__retarget_lock_release_recursive(&__lock___libc_recursive_mutex);
	return r;
}

void quick_exit(int status)
{
	__retarget_lock_acquire_recursive(&__lock___libc_recursive_mutex);
	while (registered > 0)
		handlers[--registered]();
	__retarget_lock_release_recursive(&__lock___libc_recursive_mutex);
	_Exit(status);
}
