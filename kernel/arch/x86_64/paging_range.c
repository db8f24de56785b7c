/*
 * Walks over ranges of a user address space that skip absent levels: an
 * absent PML4, PDPT or PD entry passes over its whole span (512 GiB,
 * 1 GiB, 2 MiB) at once.  So the time of a walk is bounded by the page
 * tables the space has, never by the size of the range.
 */
#include "vm.h"
#include "pmm.h"
#include "arch/pte.h"
#include "arch/cpu.h"
#include "panic.h"

/* What unmapping a range did. */
struct unmap_walk {
	bool current;		/* the space is loaded: the TLB must hear of it */
	uint64_t pages, tables;
};

static bool table_empty(const uint64_t *t)
{
	for (unsigned i = 0; i < PTE_ENTRIES; i++)
		if (t[i] & PTE_P)
			return false;
	return true;
}

/* End of the entry span holding va at level, clamped to end. */
static uint64_t span_end(uint64_t va, int level, uint64_t end)
{
	uint64_t next = (va & ~(pte_span(level) - 1)) + pte_span(level);
	return next < end ? next : end;
}

/* Unmap [va, end) below table t of the given level; frees tables it empties. */
static void unmap_level(uint64_t *t, int level, uint64_t va, uint64_t end, struct unmap_walk *w)
{
	while (va < end) {
		uint64_t *e = &t[pte_slot(va, level)], next = span_end(va, level, end);
		if (!(*e & PTE_P)) {
			va = next;
			continue;
		}
		KASSERT(!(*e & PTE_PS));	/* the user half has no large pages */
		if (level == 0) {
			if (*e & PTE_OWNED)
				pmm_free(*e & PTE_ADDR);
			*e = 0;
			w->pages++;
			if (w->current)
				invlpg(va);
		} else {
			uint64_t *child = pte_table(*e);
			unmap_level(child, level - 1, va, next, w);
			if (table_empty(child)) {
				pmm_free(*e & PTE_ADDR);
				*e = 0;
				w->tables++;
				/* INVLPG also drops cached walks through the freed table. */
				if (w->current)
					invlpg(va);
			}
		}
		va = next;
	}
}

uint64_t vm_unmap_range(uint64_t space, uint64_t va, uint64_t len, uint64_t *tables_freed)
{
	struct unmap_walk w = { .current = read_cr3() == space };

	KASSERT(va + len <= USER_TOP && va + len >= va);
	unmap_level(phys_to_virt(space), PTE_LEVELS - 1, va, va + len, &w);
	*tables_freed += w.tables;
	return w.pages;
}

#define NO_RUN UINT64_MAX

/*
 * Look for len free bytes in [va, end) below table t of the given level.
 * *run is where the current run of free pages began (NO_RUN when none).
 * True once a run is long enough: it starts at *run.
 */
static bool find_level(const uint64_t *t, int level, uint64_t va, uint64_t end, uint64_t len,
		       uint64_t *run)
{
	while (va < end) {
		uint64_t e = t[pte_slot(va, level)], next = span_end(va, level, end);
		if (!(e & PTE_P)) {
			if (*run == NO_RUN)
				*run = va;
			if (next - *run >= len)
				return true;
		} else if (level == 0) {
			*run = NO_RUN;
		} else if (find_level(pte_table(e), level - 1, va, next, len, run)) {
			return true;
		}
		va = next;
	}
	return false;
}

uint64_t vm_find_free(uint64_t space, uint64_t va, uint64_t end, uint64_t len)
{
	uint64_t run = NO_RUN;

	KASSERT(va <= end && end <= USER_TOP && len > 0);
	if (find_level(phys_to_virt(space), PTE_LEVELS - 1, va, end, len, &run))
		return run;
	return 0;
}
