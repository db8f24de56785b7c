#ifndef VM_H
#define VM_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include "memmap.h"
#include "user_layout.h"
#include "arch/layout.h"

_Static_assert(USER_PAGE_SIZE == PAGE_SIZE, "vm_map maps a user page as one kernel page");
_Static_assert(USER_STACK_TOP <= USER_TOP, "the user layout fits below USER_TOP");

/*
 * Address spaces.  An address space is named by a number the arch gives
 * it (x86: its CR3 value, the physical address of its top-level table
 * with its PCID); every one shares the kernel half, so switching between
 * them never changes what the kernel sees.
 */
#define VM_WRITE  0x1u
#define VM_EXEC   0x2u
#define VM_USER   0x4u
#define VM_OWNED  0x8u		/* the frame belongs to this mapping: freed with it */
#define VM_COMMIT 0x10u		/* vm_reserve: the frame is promised now (counted) */
#define VM_DEVICE 0x20u		/* a device's registers: never cached, every access goes out */

/* Build the kernel's own tables (image with per-section rights, direct map) and switch. */
void vm_init(const struct memmap *ram);
/* The kernel-only address space vm_init built. */
uint64_t vm_kernel_space(void);
/* Whether the direct map (phys_to_virt) covers the len bytes at phys. */
bool vm_direct_mapped(uint64_t phys, uint64_t len);

/* A new address space with an empty user half; 0 when out of memory. */
uint64_t vm_create(void);
/* Free every user page table, and every VM_OWNED frame, then the space itself. */
void vm_destroy(uint64_t space);
void vm_switch(uint64_t space);
/* Its address space tag (space_tag.h): 0, the shared one, or its own. */
unsigned vm_space_tag(uint64_t space);

/* Map one 4 KiB page.  False when out of memory (nothing is left half-done). */
bool vm_map(uint64_t space, uint64_t va, uint64_t phys, unsigned flags);
/* vm_map that adds the page tables it created to *tables (pages), for charging. */
bool vm_map_counted(uint64_t space, uint64_t va, uint64_t phys, unsigned flags, uint64_t *tables);
/* Unmap one page; frees it if VM_OWNED.  False if nothing was mapped. */
bool vm_unmap(uint64_t space, uint64_t va);
/* The frame mapped at va and its flags, or false when unmapped. */
bool vm_lookup(uint64_t space, uint64_t va, uint64_t *phys, unsigned *flags);
/*
 * The frame of the user page at va, when it is mapped for user access
 * (and writable, if write): vm_lookup and the rights' check in one walk,
 * for checked user accesses (uaccess.c).
 */
bool vm_lookup_user(uint64_t space, uint64_t va, bool write, uint64_t *phys);

/*
 * Demand-zero memory.  A reserved page occupies its place in the page
 * table with its rights but no frame; vm_back gives it a zeroed frame on
 * first touch.  The page tables are built when the range is reserved, so
 * backing a page needs one frame and never a table.
 *
 * vm_reserve_counted: reserve len bytes (page-aligned, unused) at va with
 * VM_* flags (the frames will be VM_OWNED); VM_COMMIT counts them in
 * vm_committed_unbacked until backed or unmapped.  Adds the page tables
 * created to *tables; false when out of memory, nothing left then.  Time:
 * a few instructions per page and one walk per page table.
 */
bool vm_reserve_counted(uint64_t space, uint64_t va, uint64_t len, unsigned flags,
			uint64_t *tables);

enum vm_page_state {
	VM_PAGE_ABSENT,		/* nothing there */
	VM_PAGE_PRESENT,	/* a frame is mapped */
	VM_PAGE_RESERVED,	/* reserved, its frame not promised */
	VM_PAGE_COMMITTED,	/* reserved, its frame promised (VM_COMMIT) */
};
enum vm_page_state vm_page_state(uint64_t space, uint64_t va);
/* Back the reserved page at va with a zeroed frame; false when no frame is free. */
bool vm_back(uint64_t space, uint64_t va);
/* Frames promised by VM_COMMIT reservations and not yet backed, in every space (pages). */
uint64_t vm_committed_unbacked(void);
/*
 * Set the rights (VM_USER, VM_WRITE, VM_EXEC) of every page in [va, va + len),
 * mapped or reserved.  False, changing nothing, when one page of the
 * range is neither.  Time: one walk per page, up to the first hole.
 */
bool vm_protect_range(uint64_t space, uint64_t va, uint64_t len, unsigned flags);

/* Copy into space at va (pages must be mapped).  False if one is not. */
bool vm_write(uint64_t space, uint64_t va, const void *src, size_t len);
/* Map len bytes of zeroed, owned frames at va now; all or nothing. */
bool vm_map_fresh(uint64_t space, uint64_t va, uint64_t len, unsigned flags);

/*
 * Range walks of the user half that skip absent levels, so their time is
 * bounded by the space's page tables, never by len (paging_range.c).
 * va and len are page-aligned bytes, [va, va + len) inside the user half.
 *
 * vm_unmap_range: unmap every page of the range, mapped or reserved, free
 * the VM_OWNED frames and every page table left empty; returns the pages
 * that were charged (mapped, or reserved with VM_COMMIT), adds the tables
 * freed to *tables_freed and the VM_COMMIT pages never backed to *unbacked.  spare (may be NULL) names one emptied
 * page table to keep for the next map nearby, so that one page mapped and
 * unmapped in a loop does not free and rebuild its tables each time: the
 * 2 MiB-aligned address it maps, 0 for none.  The first page table this
 * call empties is kept and named there; the one named before is freed
 * then, if it is still empty.  So a space has at most one empty page table.
 * vm_find_free: the lowest address in [va, end) where len bytes are
 * neither mapped nor reserved, or 0 when there is none.
 */
uint64_t vm_unmap_range(uint64_t space, uint64_t va, uint64_t len, uint64_t *tables_freed,
			uint64_t *unbacked, uint64_t *spare);
uint64_t vm_find_free(uint64_t space, uint64_t va, uint64_t end, uint64_t len);

/* Physical address of a kernel image object (linked at KERNEL_VMA). */
uint64_t vm_kernel_image_phys(const void *p);

#endif
