/*
 * x86-64 four-level paging.  The kernel half (PML4 slots 256..511) is
 * built once by vm_init and copied into every address space; the kernel
 * never adds a slot afterwards (walk checks it), so those copies stay
 * current.  Slots nothing maps stay absent: no table is made and zeroed
 * for them at boot.
 *
 * A space's name is its CR3 value: the top table's address, and in the
 * low 12 bits its PCID (arch/pcid.h) from space_tag_alloc, 0 when PCIDs
 * are off or all taken.  The kernel's own space has PCID 0.
 *
 * The kernel half and PCIDs: its entries are not global (no G bit), so
 * each PCID caches its own copies of them.  After vm_init they never
 * change but for one addition, the local APIC's page (lapic_map, at
 * boot, before any task), and an absent entry is never cached: no copy
 * of any PCID can be stale, so nothing flushes them.  A kernel-half unmap
 * or change of rights would have to flush every PCID on every CPU.
 */
#include "vm.h"
#include "pmm.h"
#include "phys.h"
#include "arch/layout.h"
#include "arch/cpu.h"
#include "arch/pte.h"
#include "arch/clear_page.h"
#include "panic.h"
#include "smp.h"
#include "space_tag.h"
#include "arch/pcid.h"
#include <string.h>

#define LARGE_PAGE (2ull << 20)
#define KERNEL_HALF_FIRST_SLOT 256

uintptr_t direct_map_offset = DIRECT_MAP_BASE;
static uint64_t kernel_space;
static uint64_t direct_map_end;		/* physical: the direct map covers [0, this) */
static bool kernel_half_sealed;		/* vm_init is done: no new kernel-half slot */

extern char kernel_start[], text_end[], rodata_start[], rodata_end[];
extern char data_start[], data_end[], ksyms_start[], kernel_end[];

static uint64_t alloc_table(void)
{
	uint64_t frame = pmm_alloc();
	if (frame)
		clear_page(phys_to_virt(frame));
	return frame;
}

/*
 * The entry for va at the given level (0 = page table), creating the
 * tables above it and adding how many to *created (may be NULL); NULL
 * when out of memory.  *up is set to the entry that points to the table
 * holding the result (NULL for the root), whose count the caller keeps
 * (arch/pte.h).  Intermediate entries are as permissive as the leaf may
 * need: leaves decide.
 */
static uint64_t *walk(uint64_t space, uint64_t va, int leaf_level, bool create, uint64_t *created,
		      uint64_t **up)
{
	uint64_t *t = pte_root(space);

	*up = NULL;
	for (int level = PTE_LEVELS - 1; level > leaf_level; level--) {
		uint64_t *e = &t[pte_slot(va, level)];
		if (!(*e & PTE_P)) {
			KASSERT(!(create && kernel_half_sealed && level == PTE_LEVELS - 1 && va >= USER_TOP));
			uint64_t frame = create ? alloc_table() : 0;
			if (!frame)
				return NULL;
			if (created)
				(*created)++;
			*e = frame | PTE_P | PTE_W | (va < USER_TOP ? PTE_U : 0);
			pte_count_inc(*up);
		} else if (*e & PTE_PS) {
			return NULL;
		}
		*up = e;
		t = pte_table(*e);
	}
	return &t[pte_slot(va, leaf_level)];
}

static uint64_t pte_flags(unsigned flags)
{
	return PTE_P | (flags & VM_WRITE ? PTE_W : 0) | (flags & VM_USER ? PTE_U : 0) |
	       (flags & VM_EXEC ? 0 : PTE_NX) | (flags & VM_OWNED ? PTE_OWNED : 0) |
	       (flags & VM_DEVICE ? PTE_PCD | PTE_PWT : 0);
}

bool vm_map_counted(uint64_t space, uint64_t va, uint64_t phys, unsigned flags, uint64_t *tables)
{
	uint64_t *up, *e = walk(space, va, 0, true, tables, &up);
	if (!e)
		return false;
	KASSERT(!(*e & PTE_P));
	*e = phys | pte_flags(flags);
	pte_count_inc(up);
	return true;
}

bool vm_map(uint64_t space, uint64_t va, uint64_t phys, unsigned flags)
{
	return vm_map_counted(space, va, phys, flags, NULL);
}

/*
 * The page-table entry for va, or NULL where a level is absent or a large
 * page: walk's read-only case without its bookkeeping (no parent entry,
 * no creation), for lookups, which every checked user access makes.
 */
static inline __attribute__((always_inline)) const uint64_t *leaf_entry(uint64_t space, uint64_t va)
{
	const uint64_t *t = pte_root(space);

	_Static_assert(PTE_LEVELS == 4, "the levels are spelled out");
	/* Spelled out: GCC keeps a loop with a variable shift otherwise. */
#define LEAF_STEP(level)						\
	do {								\
		uint64_t e = t[pte_slot(va, level)];			\
		if ((e & (PTE_P | PTE_PS)) != PTE_P)			\
			return NULL;					\
		t = pte_table(e);					\
	} while (0)
	LEAF_STEP(3);
	LEAF_STEP(2);
	LEAF_STEP(1);
#undef LEAF_STEP
	return &t[pte_slot(va, 0)];
}

bool vm_lookup(uint64_t space, uint64_t va, uint64_t *phys, unsigned *flags)
{
	const uint64_t *e = leaf_entry(space, va);
	if (!e || !(*e & PTE_P))
		return false;
	*phys = *e & PTE_ADDR;
	*flags = (*e & PTE_W ? VM_WRITE : 0) | (*e & PTE_U ? VM_USER : 0) |
		 (*e & PTE_NX ? 0 : VM_EXEC) | (*e & PTE_OWNED ? VM_OWNED : 0);
	return true;
}

bool vm_lookup_user(uint64_t space, uint64_t va, bool write, uint64_t *phys)
{
	const uint64_t *e = leaf_entry(space, va);
	uint64_t need = PTE_P | PTE_U | (write ? PTE_W : 0);

	if (!e || (*e & need) != need)
		return false;
	*phys = *e & PTE_ADDR;
	return true;
}

bool vm_unmap(uint64_t space, uint64_t va)
{
	uint64_t *up, *e = walk(space, va, 0, false, NULL, &up);
	if (!e || !(*e & PTE_P))
		return false;
	vm_shootdown(space);
	if (*e & PTE_OWNED)
		pmm_free(*e & PTE_ADDR);
	*e = 0;
	pte_count_dec(up);
	if (read_cr3() == space)
		invlpg(va);
	return true;
}

uint64_t pte_committed_unbacked;

#define LEAF_RIGHTS (PTE_W | PTE_U | PTE_NX | PTE_OWNED)

bool vm_reserve_counted(uint64_t space, uint64_t va, uint64_t len, unsigned flags,
			uint64_t *tables)
{
	uint64_t entry = (pte_flags(flags | VM_OWNED) & ~PTE_P) | PTE_LAZY |
			 (flags & VM_COMMIT ? PTE_COMMITTED : 0);
	uint64_t created = 0;

	/* One walk per page table, then a store per entry. */
	for (uint64_t off = 0; off < len;) {
		uint64_t *up, *e = walk(space, va + off, 0, true, &created, &up);
		if (!e) {
			uint64_t freed = 0, unbacked = 0;
			vm_unmap_range(space, va, off + PAGE_SIZE, &freed, &unbacked, NULL);
			return false;
		}
		uint64_t n = PTE_ENTRIES - pte_slot(va + off, 0);
		if (n > (len - off) / PAGE_SIZE)
			n = (len - off) / PAGE_SIZE;
		for (uint64_t i = 0; i < n; i++) {
			KASSERT(!pte_used(e[i]));
			e[i] = entry;
		}
		*up += n << PTE_COUNT_SHIFT;
		if (flags & VM_COMMIT)
			pte_committed_unbacked += n;
		off += n * PAGE_SIZE;
	}
	*tables += created;
	return true;
}

enum vm_page_state vm_page_state(uint64_t space, uint64_t va)
{
	uint64_t *up, *e = walk(space, va, 0, false, NULL, &up);

	if (!e || !pte_used(*e))
		return VM_PAGE_ABSENT;
	if (*e & PTE_P)
		return VM_PAGE_PRESENT;
	return *e & PTE_COMMITTED ? VM_PAGE_COMMITTED : VM_PAGE_RESERVED;
}

bool vm_back(uint64_t space, uint64_t va)
{
	uint64_t *up, *e = walk(space, va, 0, false, NULL, &up);

	KASSERT(e && (*e & PTE_LAZY) && !(*e & PTE_P));
	uint64_t frame = pmm_alloc();
	if (!frame)
		return false;
	clear_page(phys_to_virt(frame));
	if (*e & PTE_COMMITTED)
		pte_committed_unbacked--;
	/* A non-present entry is never cached in the TLB: no flush. */
	*e = frame | PTE_P | (*e & LEAF_RIGHTS);
	return true;
}

uint64_t vm_committed_unbacked(void)
{
	return pte_committed_unbacked;
}

bool vm_protect_range(uint64_t space, uint64_t va, uint64_t len, unsigned flags)
{
	uint64_t rights = PTE_W | PTE_NX | PTE_U, set = pte_flags(flags) & rights;
	uint64_t *up;

	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		uint64_t *e = walk(space, va + off, 0, false, NULL, &up);
		if (!e || !pte_used(*e))
			return false;
	}
	vm_shootdown(space);
	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		uint64_t *e = walk(space, va + off, 0, false, NULL, &up);
		bool was_present = *e & PTE_P;
		*e = (*e & ~rights) | set;
		if (was_present && read_cr3() == space)
			invlpg(va + off);
	}
	return true;
}

static void map_kernel_range(char *start, char *end, unsigned flags)
{
	for (uint64_t va = (uint64_t)start; va < (uint64_t)end; va += PAGE_SIZE)
		if (!vm_map(kernel_space, va, va - KERNEL_VMA, flags))
			panic("out of memory mapping the kernel");
}

/*
 * The direct map's rights for the 4 KiB frame at pa inside the kernel
 * image: writable only where the image itself is (data and bss), so text,
 * rodata and the symbol table cannot be written through the direct map
 * either (W^X per frame).  Never executable.
 */
static uint64_t direct_image_flags(uint64_t pa)
{
	bool data = pa >= vm_kernel_image_phys(data_start) && pa < vm_kernel_image_phys(data_end);
	return PTE_P | PTE_NX | (data ? PTE_W : 0);
}

/* One 2 MiB stretch of the direct map in 4 KiB pages, the image's frames with its rights. */
static void map_direct_small(uint64_t pa, uint64_t image, uint64_t image_end)
{
	for (uint64_t p = pa; p < pa + LARGE_PAGE; p += PAGE_SIZE) {
		uint64_t *up, *e = walk(kernel_space, DIRECT_MAP_BASE + p, 0, true, NULL, &up);
		if (!e)
			panic("out of memory building the direct map");
		*e = p | (p >= image && p < image_end ? direct_image_flags(p) : PTE_P | PTE_W | PTE_NX);
		pte_count_inc(up);
	}
}

/*
 * RAM in 2 MiB pages, read-write, never executable; the 2 MiB pages that
 * hold part of the kernel image are split into 4 KiB pages instead.
 */
static void map_direct(uint64_t ram_end)
{
	uint64_t image = vm_kernel_image_phys(kernel_start), image_end = vm_kernel_image_phys(kernel_end);

	for (uint64_t pa = 0; pa < ram_end; pa += LARGE_PAGE) {
		if (pa < image_end && pa + LARGE_PAGE > image) {
			map_direct_small(pa, image, image_end);
			continue;
		}
		uint64_t *up, *e = walk(kernel_space, DIRECT_MAP_BASE + pa, 1, true, NULL, &up);
		if (!e)
			panic("out of memory building the direct map");
		*e = pa | PTE_P | PTE_W | PTE_PS | PTE_NX;
		pte_count_inc(up);
	}
	direct_map_end = (ram_end + LARGE_PAGE - 1) & ~(LARGE_PAGE - 1);
}

bool vm_direct_mapped(uint64_t phys, uint64_t len)
{
	return phys < direct_map_end && len <= direct_map_end - phys;
}

void vm_init(const struct memmap *ram)
{
	kernel_space = alloc_table();
	if (!kernel_space)
		panic("no memory for the kernel page tables");
	map_kernel_range(kernel_start, text_end, VM_EXEC);
	map_kernel_range(rodata_start, rodata_end, 0);
	map_kernel_range(data_start, data_end, VM_WRITE);
	map_kernel_range(ksyms_start, kernel_end, 0);
	map_direct(memmap_end(ram));
	/* Address spaces copy the kernel half's slots once: none may appear later. */
	kernel_half_sealed = true;
	vm_switch(kernel_space);
}

uint64_t vm_kernel_space(void)
{
	return kernel_space;
}

uint64_t vm_create(void)
{
	uint64_t space = alloc_table();
	if (!space)
		return 0;
	uint64_t *src = phys_to_virt(kernel_space), *dst = phys_to_virt(space);
	memcpy(&dst[KERNEL_HALF_FIRST_SLOT], &src[KERNEL_HALF_FIRST_SLOT],
	       (512 - KERNEL_HALF_FIRST_SLOT) * sizeof(uint64_t));
	return space | space_tag_alloc();
}

static void free_level(uint64_t entry, int level)
{
	uint64_t *t = pte_table(entry);

	for (unsigned i = 0; i < 512; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (level > 0)
			free_level(t[i], level - 1);
		else if (t[i] & PTE_OWNED)
			pmm_free(t[i] & PTE_ADDR);
	}
	for (unsigned i = 0; level == 0 && i < 512; i++) {
		if ((t[i] & (PTE_P | PTE_COMMITTED)) == PTE_COMMITTED)
			pte_committed_unbacked--;
	}
	pmm_free(entry & PTE_ADDR);
}

void vm_destroy(uint64_t space)
{
	uint64_t *pml4 = pte_root(space);

	KASSERT(read_cr3() != space);
	for (unsigned i = 0; i < KERNEL_HALF_FIRST_SLOT; i++)
		if (pml4[i] & PTE_P)
			free_level(pml4[i], 2);
	space_tag_free(vm_space_tag(space));
	pmm_free(space & PTE_ADDR);
}

void vm_switch(uint64_t space)
{
	pcid_load(space);
}

unsigned vm_space_tag(uint64_t space)
{
	return space & CR3_PCID;
}

uint64_t vm_kernel_image_phys(const void *p)
{
	return (uint64_t)p - KERNEL_VMA;
}
