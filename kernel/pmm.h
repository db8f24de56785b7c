#ifndef PMM_H
#define PMM_H

#include <stdint.h>
#include "memmap.h"

/*
 * The physical page allocator: 4 KiB frames.  Fresh frames come from the
 * free ranges in address order; freed frames are kept on a list threaded
 * through the frames themselves (through the direct map).
 */
void pmm_init(const struct memmap *free_ram);
/* A frame's physical address, or 0 when memory is exhausted. */
uint64_t pmm_alloc(void);
void pmm_free(uint64_t phys);
uint64_t pmm_free_pages(void);

#endif
