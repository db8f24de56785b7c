/*
 * picolibc's retargetable locks (malloc, atexit, getenv, time zones,
 * buffered streams), for tasks with several threads.
 *
 * A lock is a futex lock word (futex_lock.c), an owner and a depth; a
 * waiter sleeps in the kernel until the owner lets go.  Every lock may be
 * taken again by its owner, which makes one kind serve both picolibc's
 * recursive and plain locks.  A thread is known by the address of one of
 * its TLS variables.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/lock.h>

#include "glue.h"

/* picolibc's global lock; all zero is unlocked. */
struct __lock __lock___libc_recursive_mutex;

static const void *this_thread(void)
{
	static __thread char marker;

	return &marker;
}

void __retarget_lock_acquire_recursive(_LOCK_T lock)
{
	const void *me = this_thread();

	/* See __retarget_lock_init(). */
	if (!lock)
		return;
	if (atomic_load_explicit(&lock->owner, memory_order_relaxed) == me) {
		lock->depth++;
		return;
	}
	__rb_word_lock(&lock->word);
	atomic_store_explicit(&lock->owner, me, memory_order_relaxed);
	lock->depth = 1;
}

void __retarget_lock_release_recursive(_LOCK_T lock)
{
	if (lock && --lock->depth == 0) {
		atomic_store_explicit(&lock->owner, NULL, memory_order_relaxed);
		__rb_word_unlock(&lock->word);
	}
}

void __retarget_lock_acquire(_LOCK_T lock)
{
	__retarget_lock_acquire_recursive(lock);
}

void __retarget_lock_release(_LOCK_T lock)
{
	__retarget_lock_release_recursive(lock);
}

/*
 * Locks of streams opened at run time.  Without memory for one, the stream
 * gets a NULL lock, which the functions above take as no lock at all.
 */
void __retarget_lock_init(_LOCK_T *lock)
{
	*lock = calloc(1, sizeof **lock);
}

void __retarget_lock_init_recursive(_LOCK_T *lock)
{
	__retarget_lock_init(lock);
}

void __retarget_lock_close(_LOCK_T lock)
{
	free(lock);
}

void __retarget_lock_close_recursive(_LOCK_T lock)
{
	__retarget_lock_close(lock);
}
