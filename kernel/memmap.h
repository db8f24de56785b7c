#ifndef MEMMAP_H
#define MEMMAP_H

#include <stdint.h>
#include <stdbool.h>

#define MEMMAP_MAX 64

struct mem_region {
	uint64_t base, len;
};

/* A sorted list of disjoint physical memory ranges. */
struct memmap {
	unsigned count;
	struct mem_region r[MEMMAP_MAX];
};

/* Add a range (merged with overlapping or adjacent ones).  False if full. */
bool memmap_add(struct memmap *m, uint64_t base, uint64_t len);
/* Take a range out, splitting regions as needed.  False if full. */
bool memmap_remove(struct memmap *m, uint64_t base, uint64_t len);
/* Shrink every range to whole pages, dropping what is left empty. */
void memmap_page_align(struct memmap *m, uint64_t page);
uint64_t memmap_total(const struct memmap *m);
/* End of the highest range (0 when empty). */
uint64_t memmap_end(const struct memmap *m);

#endif
