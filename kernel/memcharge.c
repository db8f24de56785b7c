/*
 * Frames charged to tasks (memcharge.h): one count per task, of every
 * frame and page table its address space holds or has been promised,
 * checked against its limit, the kernel's reserve and the other tasks'
 * guarantees before anything is mapped.
 */
#include "memcharge.h"
#include "task.h"
#include "vm.h"
#include "pmm.h"
#include <errno.h>

/* Pages of the live tasks' guarantees not yet covered by their charges. */
static uint64_t guarantees_unused;

static uint64_t unused_guarantee(const struct task *t)
{
	return t->mem_pages < t->mem_guarantee ? t->mem_guarantee - t->mem_pages : 0;
}

/* Change t's charge by delta pages, keeping guarantees_unused true. */
static void charge(struct task *t, int64_t delta)
{
	guarantees_unused -= unused_guarantee(t);
	t->mem_pages += (uint64_t)delta;
	guarantees_unused += unused_guarantee(t);
}

/*
 * Whether t may be charged pages more (-EAGAIN past its limit), and the
 * machine's free frames, less those promised, cover need frames beside
 * the kernel's reserve and the other tasks' guarantees (-ENOMEM).
 */
static long may_charge(const struct task *t, uint64_t pages, uint64_t need)
{
	uint64_t free = pmm_free_pages(), promised = vm_committed_unbacked();
	uint64_t others = guarantees_unused - unused_guarantee(t);
	uint64_t own = unused_guarantee(t) < need ? unused_guarantee(t) : need;

	if (t->mem_pages > t->mem_limit || pages > t->mem_limit - t->mem_pages)
		return -EAGAIN;
	if (free < promised || free - promised < KERNEL_RESERVE_PAGES + others + need - own)
		return -ENOMEM;
	return 0;
}

uint64_t memcharge_default_limit(void)
{
	static uint64_t limit;

	if (!limit) {
		limit = pmm_free_pages() / 4;
		if (limit < TASK_MEM_LIMIT_MIN_PAGES)
			limit = TASK_MEM_LIMIT_MIN_PAGES;
	}
	return limit;
}

long memcharge_task_begin(struct task *t, uint64_t limit)
{
	uint64_t free = pmm_free_pages(), promised = vm_committed_unbacked();
	bool fits = free >= promised &&
		    free - promised >= KERNEL_RESERVE_PAGES + guarantees_unused + TASK_MEM_GUARANTEE_PAGES;

	t->mem_limit = limit;
	t->mem_guarantee = TASK_MEM_GUARANTEE_PAGES;
	guarantees_unused += unused_guarantee(t);
	return fits ? 0 : -ENOMEM;
}

void memcharge_task_end(struct task *t)
{
	guarantees_unused -= unused_guarantee(t);
	t->mem_guarantee = 0;
}

long memcharge_take(struct task *t, uint64_t pages)
{
	long error = may_charge(t, pages, pages);

	if (!error)
		charge(t, (int64_t)pages);
	return error;
}

void memcharge_give(struct task *t, uint64_t pages)
{
	charge(t, -(int64_t)pages);
}

/*
 * Page tables a mapping of len bytes may create at most: at each level,
 * one per span it covers and one for each partial span at its ends.
 */
static uint64_t tables_bound(uint64_t len)
{
	return (len >> 21) + (len >> 30) + (len >> 39) + 6;
}

/* Reserve, charging pages now (committed) or 0 (charged on touch). */
static long reserve(struct task *t, uint64_t va, uint64_t len, unsigned flags, uint64_t pages)
{
	uint64_t tables = 0;
	/* The limit sees the pages (the tables are counted exactly below), the machine their bound. */
	long error = may_charge(t, pages, pages + tables_bound(len));

	if (error)
		return error;
	if (!vm_reserve_counted(t->space, va, len, flags, &tables))
		return -ENOMEM;
	charge(t, (int64_t)(pages + tables));
	t->mem_promised += pages;
	if (t->mem_pages > t->mem_limit) {
		memcharge_unmap(t, va, len);	/* the tables it needed passed the limit */
		return -EAGAIN;
	}
	return 0;
}

long memcharge_map(struct task *t, uint64_t va, uint64_t len, unsigned flags)
{
	return reserve(t, va, len, flags | VM_COMMIT, len / USER_PAGE_SIZE);
}

long memcharge_reserve(struct task *t, uint64_t va, uint64_t len, unsigned flags)
{
	return reserve(t, va, len, flags & ~VM_COMMIT, 0);
}

bool memcharge_touch(struct task *t, uint64_t va)
{
	va &= ~(uint64_t)(USER_PAGE_SIZE - 1);
	switch (vm_page_state(t->space, va)) {
	case VM_PAGE_PRESENT:
		return true;
	case VM_PAGE_COMMITTED:
		if (!vm_back(t->space, va))
			return false;
		t->mem_promised--;
		return true;
	case VM_PAGE_RESERVED:
		if (may_charge(t, 1, 1) || !vm_back(t->space, va))
			return false;
		charge(t, 1);
		return true;
	default:
		return false;
	}
}

void memcharge_unmap(struct task *t, uint64_t va, uint64_t len)
{
	uint64_t tables = 0, unbacked = 0;
	uint64_t pages = vm_unmap_range(t->space, va, len, &tables, &unbacked, &t->spare_table);

	charge(t, -(int64_t)(pages + tables));
	t->mem_promised -= unbacked;
}
