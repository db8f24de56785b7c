/*
 * Walks over ranges of a user address space that skip absent levels: an
 * absent PML4, PDPT or PD entry passes over its whole span (512 GiB,
 * 1 GiB, 2 MiB) at once, and an unmap leaves a table as soon as its count
 * of used entries (mapped or reserved, arch/pte.h) says nothing is left
 * in it.  So a walk's time is bounded by the page tables the space has,
 * never by the size of the range.
 *
 * Costs: an unmap visits the used entries of the range (a few
 * instructions each; only mapped ones are flushed from the TLB) and the
 * tables above them.  A free-range search steps over an absent or a full
 * page table in one step and scans the 512 entries of a partly used one,
 * a few instructions per entry: at worst 512 entries per page table of the
 * task, never per page of the range.
 */
#include "vm.h"
#include "smp.h"
#include "pmm.h"
#include "arch/pte.h"
#include "arch/cpu.h"
#include "panic.h"

/* What unmapping a range did. */
struct unmap_walk {
	bool loaded;		/* the space is loaded: the TLB must hear of it */
	bool keep;		/* keep the first page table emptied */
	uint64_t kept;		/* the address it maps, 0 while none is kept */
	uint64_t pages, tables, unbacked;
};

#define PAGE_TABLE_SPAN (pte_span(1))	/* what one page table maps: 2 MiB */

/*
 * Drop a used leaf: free its frame if it owns one, and count it in
 * w->pages when it was charged (mapped, or reserved with a promised frame).
 */
static void drop_leaf(uint64_t e, struct unmap_walk *w)
{
	if ((e & PTE_P) && (e & PTE_OWNED))
		pmm_free(e & PTE_ADDR);
	if (!(e & PTE_P) && (e & PTE_COMMITTED)) {
		pte_committed_unbacked--;
		w->unbacked++;
	}
	if (e & (PTE_P | PTE_COMMITTED))
		w->pages++;
}

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
 * Drop entries first..last of page table t, whose first is the page at va,
 * and take them off the count in *up.  Only a mapped page can be in the
 * TLB: a reserved one is never flushed.
 */
static void drop_leaves(uint64_t *t, unsigned first, unsigned last, uint64_t va, uint64_t *up,
			struct unmap_walk *w)
{
	uint64_t dropped = 0;

	for (unsigned i = first; i <= last; i++) {
		uint64_t e = t[i];
		if (!pte_used(e))
			continue;
		drop_leaf(e, w);
		t[i] = 0;
		dropped++;
		if ((e & PTE_P) && w->loaded)
			invlpg(va + (uint64_t)(i - first) * PAGE_SIZE);
	}
	*up -= dropped << PTE_COUNT_SHIFT;
}

/*
 * Unmap [va, end) below table t of the given level, whose count lives in
 * *up (NULL for the root); frees the tables it empties.
 */
static void unmap_level(uint64_t *up, uint64_t *t, int level, uint64_t va, uint64_t end,
			struct unmap_walk *w)
{
	unsigned last = pte_slot(end - 1, level);

	if (up && !pte_count(*up))
		return;			/* nothing in this table */
	if (level == 0) {
		drop_leaves(t, pte_slot(va, 0), last, va, up, w);
		return;
	}
	for (unsigned i = pte_slot(va, level); i <= last; i++) {
		if (!pte_used(t[i]))
			continue;
		KASSERT(!(t[i] & PTE_PS));	/* the user half has no large pages */
		struct span s = entry_span(va, end, level, i);
		unmap_level(&t[i], pte_table(t[i]), level - 1, s.lo, s.hi, w);
		if (pte_count(t[i]))
			continue;
		if (level == 1 && w->keep && !w->kept) {
			w->kept = s.lo & ~(PAGE_TABLE_SPAN - 1);
			continue;
		}
		pmm_free(t[i] & PTE_ADDR);
		w->tables++;
		t[i] = 0;
		pte_count_dec(up);
		/* INVLPG drops every cached walk through the freed table. */
		if (w->loaded)
			invlpg(s.lo);
		if (up && !pte_count(*up))
			return;		/* nothing left in this table */
	}
}

/*
 * The page table that maps va, or NULL when a level above it is absent;
 * path[l] is set to the entry pointing to the table of level l (NULL for
 * the root) down to where the walk stopped.
 */
static uint64_t *page_table_of(uint64_t space, uint64_t va, uint64_t *path[PTE_LEVELS])
{
	uint64_t *t = pte_root(space);

	path[PTE_LEVELS - 1] = NULL;
	for (int level = PTE_LEVELS - 1; level > 0; level--) {
		uint64_t *e = &t[pte_slot(va, level)];
		if (!(*e & PTE_P))
			return NULL;
		path[level - 1] = e;
		t = pte_table(*e);
	}
	return t;
}

/* Free the page table on path if it is empty, and each table above it this empties. */
static void free_empty_chain(uint64_t *path[PTE_LEVELS], uint64_t va, struct unmap_walk *w)
{
	for (int level = 0; level < PTE_LEVELS - 1 && !pte_count(*path[level]); level++) {
		pmm_free(*path[level] & PTE_ADDR);
		*path[level] = 0;
		pte_count_dec(path[level + 1]);
		w->tables++;
	}
	if (w->loaded)
		invlpg(va);
}

static bool in_one_page_table(uint64_t va, uint64_t len)
{
	return ((va ^ (va + len - 1)) & ~(PAGE_TABLE_SPAN - 1)) == 0;
}

/*
 * The common case, a range inside one page table: straight down to it,
 * then what unmap_level would do there.
 */
static void unmap_in_page_table(uint64_t space, uint64_t va, uint64_t len, struct unmap_walk *w)
{
	uint64_t *path[PTE_LEVELS], *pt = page_table_of(space, va, path);

	if (!pt)
		return;
	drop_leaves(pt, pte_slot(va, 0), pte_slot(va + len - 1, 0), va, path[0], w);
	if (pte_count(*path[0]))
		return;
	if (w->keep)
		w->kept = va & ~(PAGE_TABLE_SPAN - 1);
	else
		free_empty_chain(path, va, w);
}

uint64_t vm_unmap_range(uint64_t space, uint64_t va, uint64_t len, uint64_t *tables_freed,
			uint64_t *unbacked, uint64_t *spare)
{
	struct unmap_walk w = { .loaded = read_cr3() == space, .keep = spare != NULL };

	KASSERT(va + len <= USER_TOP && va + len >= va);
	vm_shootdown(space);
	if (len && in_one_page_table(va, len))
		unmap_in_page_table(space, va, len, &w);
	else if (len)
		unmap_level(NULL, pte_root(space), PTE_LEVELS - 1, va, va + len, &w);
	if (w.kept) {
		uint64_t *path[PTE_LEVELS];
		if (*spare && *spare != w.kept && page_table_of(space, *spare, path))
			free_empty_chain(path, *spare, &w);
		*spare = w.kept;
	}
	*tables_freed += w.tables;
	*unbacked += w.unbacked;
	return w.pages;
}

#define NO_RUN UINT64_MAX

/*
 * find_level in a page table: a tight scan over each stretch of absent
 * entries, then one step of arithmetic for the stretch, so a search costs
 * a few instructions per entry of the tables it crosses.
 */
static bool find_in_page_table(const uint64_t *t, uint64_t va, uint64_t end, uint64_t len,
			       uint64_t *run)
{
	uint64_t base = va & ~(PAGE_TABLE_SPAN - 1);
	unsigned i = pte_slot(va, 0), last = pte_slot(end - 1, 0);

	while (i <= last) {
		unsigned j = i;
		while (j <= last && !pte_used(t[j]))
			j++;
		if (j > i) {		/* entries i..j-1 are free */
			uint64_t lo = base + (uint64_t)i * PAGE_SIZE;
			uint64_t hi = base + (uint64_t)j * PAGE_SIZE;
			if (*run == NO_RUN)
				*run = lo > va ? lo : va;
			if ((hi < end ? hi : end) - *run >= len)
				return true;
		}
		if (j <= last)
			*run = NO_RUN;	/* entry j is mapped */
		i = j + 1;
	}
	return false;
}

/*
 * Look for len free bytes in [va, end) below table t of the given level.
 * *run is where the current run of free pages began (NO_RUN when none).
 * True once a run is long enough: it starts at *run.
 */
static bool find_level(const uint64_t *t, int level, uint64_t va, uint64_t end, uint64_t len,
		       uint64_t *run)
{
	unsigned last = pte_slot(end - 1, level);

	if (level == 0)
		return find_in_page_table(t, va, end, len, run);
	for (unsigned i = pte_slot(va, level); i <= last; i++) {
		struct span s = entry_span(va, end, level, i);
		if (!(t[i] & PTE_P)) {
			if (*run == NO_RUN)
				*run = s.lo;
			if (s.hi - *run >= len)
				return true;
		} else if (level == 1 && pte_count(t[i]) == PTE_ENTRIES) {
			*run = NO_RUN;	/* a full page table: one step, not 512 */
		} else if (find_level(pte_table(t[i]), level - 1, s.lo, s.hi, len, run)) {
			return true;
		}
	}
	return false;
}

uint64_t vm_find_free(uint64_t space, uint64_t va, uint64_t end, uint64_t len)
{
	uint64_t run = NO_RUN, *path[PTE_LEVELS];

	KASSERT(va < end && end <= USER_TOP && len > 0);
	/* The common case first: the range at va is free, inside one page table. */
	if (len <= end - va && in_one_page_table(va, len)) {
		const uint64_t *pt = page_table_of(space, va, path);
		unsigned i = pte_slot(va, 0), last = pte_slot(va + len - 1, 0);
		while (pt && i <= last && !pte_used(pt[i]))
			i++;
		if (!pt || i > last)
			return va;
	}
	if (find_level(pte_root(space), PTE_LEVELS - 1, va, end, len, &run))
		return run;
	return 0;
}
