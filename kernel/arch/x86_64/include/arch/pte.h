/*
 * x86-64 page-table entries and the four-level walk's indexing, shared by
 * paging.c (one page at a time) and paging_range.c (ranges).  Private to
 * the arch side: the portable kernel speaks VM_* flags (vm.h).
 */
#ifndef ARCH_PTE_H
#define ARCH_PTE_H

#ifdef __ASSEMBLER__
#define PTE_BIT(n) (1 << (n))
#else
#define PTE_BIT(n) (1ull << (n))
#endif

/* The entry bits; boot.S builds its first tables with these too. */
#define PTE_P     PTE_BIT(0)
#define PTE_W     PTE_BIT(1)
#define PTE_U     PTE_BIT(2)
#define PTE_PWT   PTE_BIT(3)	/* write-through; with PCD, uncached (PAT's default entry 3) */
#define PTE_PCD   PTE_BIT(4)	/* cache disabled */
#define PTE_PS    PTE_BIT(7)
#define PTE_OWNED PTE_BIT(9)	/* software bit: frame freed with the mapping */
/*
 * Software bits of an entry whose P bit is clear: a reserved page, given a
 * zeroed frame on first touch (vm_back), its rights already in W, U, NX.
 * COMMITTED: the frame was promised when the page was reserved.
 */
#define PTE_LAZY      PTE_BIT(10)
#define PTE_COMMITTED PTE_BIT(11)
#define PTE_NX    PTE_BIT(63)
#define PTE_ADDR  0x000ffffffffff000

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stdbool.h>
#include "phys.h"
#include "arch/cpu.h"


#define PTE_LEVELS 4		/* level 3 = PML4 ... level 0 = page table */
#define PTE_ENTRIES 512

/*
 * A table's count of used entries (present, or reserved: pte_used) lives
 * in the entry that points to it, in bits 52..61, which the CPU ignores in
 * an entry that is not a leaf (the root table has no count).  So "is this
 * table empty" (or full) is one read.
 */
#define PTE_COUNT_SHIFT 52
#define PTE_COUNT_MASK  (0x3ffull << PTE_COUNT_SHIFT)

static inline unsigned pte_count(uint64_t entry)
{
	return (entry & PTE_COUNT_MASK) >> PTE_COUNT_SHIFT;
}

/* One more, or one fewer, present entry in the table *up points to (up may be NULL: the root). */
static inline void pte_count_inc(uint64_t *up)
{
	if (up)
		*up += 1ull << PTE_COUNT_SHIFT;
}

static inline void pte_count_dec(uint64_t *up)
{
	if (up)
		*up -= 1ull << PTE_COUNT_SHIFT;
}

/*
 * Reserved pages with PTE_COMMITTED not yet backed, in every space: frames
 * promised and still free (paging.c keeps it, paging_range.c lowers it).
 */
extern uint64_t pte_committed_unbacked;

/* A leaf that is mapped or reserved: it occupies its page. */
static inline bool pte_used(uint64_t entry)
{
	return entry & (PTE_P | PTE_LAZY);
}

/* The table an entry points to, through the direct map. */
static inline uint64_t *pte_table(uint64_t entry)
{
	return phys_to_virt(entry & PTE_ADDR);
}

/*
 * An address space's top table, through the direct map, from its name (a
 * CR3 value, the PCID in its low bits: paging.c).  Below 2^52 the mask
 * need only drop the PCID: one `and` with a sign-extended immediate.
 */
static inline uint64_t *pte_root(uint64_t space)
{
	return phys_to_virt(space & ~(uint64_t)CR3_PCID);
}

/* Index of va's entry in its table of the given level. */
static inline unsigned pte_slot(uint64_t va, int level)
{
	return (va >> (12 + 9 * level)) & (PTE_ENTRIES - 1);
}

/* Bytes one entry of the given level covers (4 KiB at level 0). */
static inline uint64_t pte_span(int level)
{
	return 1ull << (12 + 9 * level);
}

#endif /* __ASSEMBLER__ */

#endif
