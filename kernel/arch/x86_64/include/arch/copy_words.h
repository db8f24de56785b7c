/*
 * Copying message words (IPC, UTCB to UTCB): one string move (rep movsq),
 * a few instructions whatever the count, with ordinary stores that leave
 * the words in the cache for the receiver.  The C library's memcpy takes
 * an unrolled loop, and non-temporal stores from 256 bytes up, which make
 * the receiver miss the cache on what it reads next.
 */
#ifndef ARCH_COPY_WORDS_H
#define ARCH_COPY_WORDS_H

#include <stdint.h>

/* Copy n 64-bit words from src to dst (kernel addresses; they do not overlap). */
static inline void copy_words(uint64_t *dst, const uint64_t *src, uint64_t n)
{
	__asm__ volatile("rep movsq" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

#endif
