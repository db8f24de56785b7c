/*
 * Reading the data page from inside the vDSO.
 *
 * rb_vdso_data_page is defined by vdso/vdso.lds one page below the image.
 * Being hidden, every access is a PC-relative address computed at link
 * time: no GOT entry, no relocation.  It is not declared const although the
 * page is read-only: the kernel changes it, and the compiler may move or
 * merge loads of a const object across the read section's barriers.
 */
#ifndef RAINBOW_VDSO_DATA_PAGE_H
#define RAINBOW_VDSO_DATA_PAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "vdso_data.h"

extern struct rb_vdso_data rb_vdso_data_page
	__attribute__((visibility("hidden")));

/* Waits out a kernel update; returns the sequence number to revalidate. */
static inline uint32_t data_read_begin(const struct rb_vdso_data *d)
{
	uint32_t seq;

	while ((seq = __atomic_load_n(&d->seq, __ATOMIC_ACQUIRE)) & 1)
		__builtin_ia32_pause();
	return seq;
}

/* True if the kernel changed the page since data_read_begin(). */
static inline bool data_read_retry(const struct rb_vdso_data *d, uint32_t seq)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return __atomic_load_n(&d->seq, __ATOMIC_RELAXED) != seq;
}

#endif
