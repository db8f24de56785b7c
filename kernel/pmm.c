/*
 * Allocation never touches a frame it has not handed out before, so it
 * works before the direct map covers all of RAM (early page tables come
 * from the lowest range, which the boot mapping covers).
 */
#include "pmm.h"
#include "phys.h"
#include "arch/layout.h"
#include <stddef.h>

static struct memmap fresh;	/* never handed out yet, address order */
static unsigned fresh_index;
static uint64_t free_list;	/* physical address of the first freed frame */
static uint64_t free_pages;

void pmm_init(const struct memmap *free_ram)
{
	fresh = *free_ram;
	memmap_page_align(&fresh, PAGE_SIZE);
	fresh_index = 0;
	free_list = 0;
	free_pages = memmap_total(&fresh) / PAGE_SIZE;
	/* Frame 0 doubles as "no frame": never hand it out. */
	if (fresh.count && fresh.r[0].base == 0) {
		fresh.r[0].base += PAGE_SIZE;
		fresh.r[0].len -= PAGE_SIZE;
		free_pages--;
	}
}

static uint64_t take_fresh(void)
{
	while (fresh_index < fresh.count && fresh.r[fresh_index].len == 0)
		fresh_index++;
	if (fresh_index == fresh.count)
		return 0;
	struct mem_region *r = &fresh.r[fresh_index];
	uint64_t frame = r->base;
	r->base += PAGE_SIZE;
	r->len -= PAGE_SIZE;
	return frame;
}

uint64_t pmm_alloc(void)
{
	uint64_t frame = free_list;

	if (frame)
		free_list = *(uint64_t *)phys_to_virt(frame);
	else
		frame = take_fresh();
	if (frame)
		free_pages--;
	return frame;
}

void pmm_free(uint64_t phys)
{
	*(uint64_t *)phys_to_virt(phys) = free_list;
	free_list = phys;
	free_pages++;
}

uint64_t pmm_free_pages(void)
{
	return free_pages;
}
