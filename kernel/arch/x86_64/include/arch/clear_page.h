/*
 * Zeroing one page: fresh user frames and new page tables.  One string
 * store (rep stosq): 512 iterations, where the C library's memset runs an
 * unrolled loop of non-temporal stores that takes more instructions and
 * leaves the page out of the cache just before its first use.
 */
#ifndef ARCH_CLEAR_PAGE_H
#define ARCH_CLEAR_PAGE_H

#include <stdint.h>
#include "arch/layout.h"

/* Zero the PAGE_SIZE bytes at p, which is page-aligned. */
static inline void clear_page(void *p)
{
	uint64_t words = PAGE_SIZE / sizeof(uint64_t);

	__asm__ volatile("rep stosq" : "+D"(p), "+c"(words) : "a"(0ull) : "memory");
}

#endif
