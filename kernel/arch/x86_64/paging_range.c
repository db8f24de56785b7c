/*
 * Walks over ranges of a user address space that skip absent levels: an
 * absent PML4, PDPT or PD entry passes over its whole span (512 GiB,
 * 1 GiB, 2 MiB) at once, and an unmap leaves a table as soon as its count
 * of present entries (arch/pte.h) says nothing is left in it.  So a
 * walk's time is bounded by the page tables the space has, never by the
 * size of the range.
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

/* The part of [va, end) that entry i of a table of the given level covers. */
struct span {
	uint64_t lo, hi;
};

static struct span entry_span(uint64_t va, uint64_t end, int level, unsigned i)
{
	uint64_t table_base = va & ~(pte_span(level) * PTE_ENTRIES - 1);
	uint64_t lo = table_base + i * pte_span(level), hi = lo + pte_span(level);

	return (struct span){ lo > va ? lo : va, hi < end ? hi : end };
}

/*
 * Unmap [va, end) below table t of the given level, whose count lives in
 * *up (NULL for the root); frees the tables it empties.
 */
static void unmap_level(uint64_t *up, uint64_t *t, int level, uint64_t va, uint64_t end,
			struct unmap_walk *w)
{
	unsigned last = pte_slot(end - 1, level);

	for (unsigned i = pte_slot(va, level); i <= last; i++) {
		if (!(t[i] & PTE_P))
			continue;
		KASSERT(!(t[i] & PTE_PS));	/* the user half has no large pages */
		struct span s = entry_span(va, end, level, i);
		if (level == 0) {
			if (t[i] & PTE_OWNED)
				pmm_free(t[i] & PTE_ADDR);
			w->pages++;
		} else {
			unmap_level(&t[i], pte_table(t[i]), level - 1, s.lo, s.hi, w);
			if (pte_count(t[i]))
				continue;
			pmm_free(t[i] & PTE_ADDR);
			w->tables++;
		}
		t[i] = 0;
		pte_count_dec(up);
		/* INVLPG drops the page and every cached walk through a freed table. */
		if (w->current)
			invlpg(s.lo);
		if (up && !pte_count(*up))
			return;		/* nothing left in this table */
	}
}

uint64_t vm_unmap_range(uint64_t space, uint64_t va, uint64_t len, uint64_t *tables_freed)
{
	struct unmap_walk w = { .current = read_cr3() == space };

	KASSERT(va + len <= USER_TOP && va + len >= va);
	if (len)
		unmap_level(NULL, phys_to_virt(space), PTE_LEVELS - 1, va, va + len, &w);
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
	unsigned last = pte_slot(end - 1, level);

	for (unsigned i = pte_slot(va, level); i <= last; i++) {
		struct span s = entry_span(va, end, level, i);
		if (!(t[i] & PTE_P)) {
			if (*run == NO_RUN)
				*run = s.lo;
			if (s.hi - *run >= len)
				return true;
		} else if (level == 0) {
			*run = NO_RUN;
		} else if (find_level(pte_table(t[i]), level - 1, s.lo, s.hi, len, run)) {
			return true;
		}
	}
	return false;
}

uint64_t vm_find_free(uint64_t space, uint64_t va, uint64_t end, uint64_t len)
{
	uint64_t run = NO_RUN;

	KASSERT(va < end && end <= USER_TOP && len > 0);
	if (find_level(phys_to_virt(space), PTE_LEVELS - 1, va, end, len, &run))
		return run;
	return 0;
}
