/*
 * The one-word futex lock of glue.h, after Drepper's "Futexes Are Tricky"
 * (mutex 2): a waiter marks the word 2 before it sleeps, so the unlocker
 * enters the kernel only when someone may be waiting.
 */
#include <errno.h>
#include <stdint.h>

#include <rainbow/syscall.h>

#include "glue.h"

enum { FREE, TAKEN, CONTENDED };

bool __rb_word_trylock(uint32_t *word)
{
	uint32_t free = FREE;

	return __atomic_compare_exchange_n(word, &free, TAKEN, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

int __rb_word_lock_until(uint32_t *word, uint64_t deadline_ns)
{
	unsigned flags = deadline_ns == UINT64_MAX ? 0 : RB_FUTEX_DEADLINE;

	if (__rb_word_trylock(word))
		return 0;
	while (__atomic_exchange_n(word, CONTENDED, __ATOMIC_ACQUIRE) != FREE)
		if (rb_futex_wait(word, CONTENDED, flags, deadline_ns) == -ETIMEDOUT)
			return ETIMEDOUT;
	return 0;
}

void __rb_word_lock(uint32_t *word)
{
	__rb_word_lock_until(word, UINT64_MAX);
}

void __rb_word_unlock(uint32_t *word)
{
	if (__atomic_exchange_n(word, FREE, __ATOMIC_RELEASE) == CONTENDED)
		rb_futex_wake(word, 1);
}
