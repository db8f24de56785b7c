/*
 * Frames charged to tasks (memcharge.h): one count per task, of every
 * frame and page table its address space holds, checked against its limit
 * and the kernel's reserve before anything is mapped.
 */
#include "memcharge.h"
#include "task.h"
#include "vm.h"
#include "pmm.h"
#include <errno.h>

/*
 * Page tables a mapping of len bytes may create at most: at each level,
 * one per span it covers and one for each partial span at its ends.
 */
static uint64_t tables_bound(uint64_t len)
{
	return (len >> 21) + (len >> 30) + (len >> 39) + 6;
}

static uint64_t task_limit = TASK_MEM_LIMIT_PAGES;

void memcharge_init(void)
{
	uint64_t share = pmm_free_pages() / TASK_MEM_LIMIT_SHARE;

	if (share > task_limit)
		task_limit = share;
}

uint64_t memcharge_limit(void)
{
	return task_limit;
}

long memcharge_take(struct task *t, uint64_t pages)
{
	if (pages > task_limit - t->mem_pages)
		return -EAGAIN;
	if (pmm_free_pages() < KERNEL_RESERVE_PAGES + pages)
		return -ENOMEM;
	t->mem_pages += pages;
	return 0;
}

void memcharge_give(struct task *t, uint64_t pages)
{
	t->mem_pages -= pages;
}

long memcharge_map(struct task *t, uint64_t va, uint64_t len, unsigned flags)
{
	uint64_t pages = len / USER_PAGE_SIZE, tables = 0;

	if (pages > task_limit - t->mem_pages)
		return -EAGAIN;
	if (pmm_free_pages() < KERNEL_RESERVE_PAGES + pages + tables_bound(len))
		return -ENOMEM;
	if (!vm_map_fresh_counted(t->space, va, len, flags, &tables))
		return -ENOMEM;
	t->mem_pages += pages + tables;
	if (t->mem_pages > task_limit) {
		memcharge_unmap(t, va, len);	/* the tables it needed passed the limit */
		return -EAGAIN;
	}
	return 0;
}

void memcharge_unmap(struct task *t, uint64_t va, uint64_t len)
{
	uint64_t tables = 0;
	uint64_t pages = vm_unmap_range(t->space, va, len, &tables, &t->spare_table);

	t->mem_pages -= pages + tables;
}
