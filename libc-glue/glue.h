/*
 * What the libc glue and the crt share.  Not installed.
 */
#ifndef RAINBOW_GLUE_H
#define RAINBOW_GLUE_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct rb_thread;

/*
 * The one place errno is set: r is a vDSO result, negative errno on
 * failure.  Returns r, or -1 after storing -r in errno.
 */
long __rb_syscall_ret(long r);

/* Writes out the calling thread's pending stdout line (stdio.c). */
void __rb_stdout_flush(void);

/*
 * Whether fd is the console: 0, 1 and 2 until dup2 puts another file
 * there, and descriptors opened on /dev/console (fd.c).
 */
bool __rb_is_console_fd(int fd);

/*
 * rb_thread_start() with a stack of stack_size bytes (rounded up to whole
 * pages; thread.c).  NULL with errno set: ENOMEM above
 * RB_THREAD_STACK_SIZE_MAX or without the memory, EAGAIN at the thread limit.
 */
#define RB_THREAD_STACK_SIZE_MAX ((size_t)1 << 40)
struct rb_thread *__rb_thread_start_sized(int (*fn)(void *), void *arg, size_t stack_size);

/*
 * A lock in one 32-bit word over rb_futex_wait/rb_futex_wake (futex_lock.c):
 * 0 free, 1 taken, 2 taken and maybe waited for.  Taking a free one and
 * giving back one nobody waits for stay in user space.
 */
void __rb_word_lock(uint32_t *word);
/* 0, or ETIMEDOUT once CLOCK_MONOTONIC passes deadline_ns. */
int __rb_word_lock_until(uint32_t *word, uint64_t deadline_ns);
/* Nonzero if it took the lock. */
bool __rb_word_trylock(uint32_t *word);
void __rb_word_unlock(uint32_t *word);

/*
 * picolibc's retargetable lock (lock.c): a word lock with an owner (the
 * address of one of its TLS variables) and a depth, so its owner may take
 * it again.  All zero is unlocked, so a static one needs no setup.
 */
struct __lock {
	uint32_t word;
	_Atomic(const void *) owner;
	unsigned depth;
};

/*
 * The CLOCK_MONOTONIC time in ns when clock (CLOCK_REALTIME or
 * CLOCK_MONOTONIC) reaches the absolute time *abstime (deadline.c).
 * 0, or EINVAL for another clock or a tv_nsec out of 0..999999999.
 */
int __rb_deadline_ns(clockid_t clock, const struct timespec *abstime, uint64_t *deadline_ns);

/*
 * What the pthread attribute setters share: *field = value when the value
 * is one the attribute takes.  Returns 0, or EINVAL (POSIX) and no change.
 */
static inline int __rb_attr_set(int *field, int value, bool valid)
{
	if (!valid)
		return EINVAL;
	*field = value;
	return 0;
}

#endif
