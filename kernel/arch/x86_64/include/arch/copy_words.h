/*
 * Copying message words (IPC, UTCB to UTCB), and bytes (IPC's bulk copy,
 * frame to frame): string moves (rep movsq),
 * a few instructions whatever the count, with ordinary stores that leave
 * the words in the cache for the receiver.  The C library's memcpy takes
 * an unrolled loop, and non-temporal stores from 256 bytes up, which make
 * the receiver miss the cache on what it reads next.
 */
#ifndef ARCH_COPY_WORDS_H
#define ARCH_COPY_WORDS_H

#include <stdint.h>

/*
 * Copy n 64-bit words from src to dst (kernel addresses; they do not
 * overlap).  The asm names the words it reads and writes (arrays of
 * unknown length), not all memory, so a caller's other values stay in
 * registers across it.
 */
static inline void copy_words(uint64_t *dst, const uint64_t *src, uint64_t n)
{
	uint64_t *d = dst;
	const uint64_t *s = src;

	__asm__ volatile("rep movsq"
			 : "+D"(d), "+S"(s), "+c"(n), "=m"(*(uint64_t (*)[])dst)
			 : "m"(*(const uint64_t (*)[])src));
}

/*
 * Copy n bytes from src to dst (kernel addresses; they do not overlap):
 * the words with rep movsq, the last n % 8 bytes with rep movsb, so n
 * bytes cost n / 8 + n % 8 + 2 instructions under -icount.
 */
static inline void copy_bytes(void *dst, const void *src, uint64_t n)
{
	uint64_t words = n / 8, tail = n % 8;

	__asm__ volatile("rep movsq" : "+D"(dst), "+S"(src), "+c"(words) : : "memory");
	__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(tail) : : "memory");
}

#endif
