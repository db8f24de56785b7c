/*
 * Frames charged to tasks (memcharge.h): one count per task, of every
 * frame and page table its address space holds or has been promised,
 * checked against its limit, the kernel's reserve and the other families'
 * guarantees before anything is mapped.  A spawned task's charges count
 * against its spawner's limit too, and so on up to its boot task, until
 * the child's space is freed (memcharge_task_join): a family holds at
 * most its boot task's limit, and shares that task's guarantee.
 */
#include "memcharge.h"
#include "task.h"
#include "vm.h"
#include "pmm.h"
#include <errno.h>

/* Pages of the live boot tasks' guarantees not yet covered by their families' charges. */
static uint64_t guarantees_unused;

/* The boot task whose guarantee covers t's charges (t until memcharge_*begin). */
static struct task *root_of(const struct task *t)
{
	return t->mem_root ? t->mem_root : (struct task *)t;
}

static uint64_t unused_guarantee(const struct task *root)
{
	return root->mem_family_pages < root->mem_guarantee ? root->mem_guarantee - root->mem_family_pages : 0;
}

/*
 * Change t's charge by delta pages, and the family charge of t and of each
 * task it descends from, keeping guarantees_unused true.  O(depth).
 */
static void charge(struct task *t, int64_t delta)
{
	struct task *root = root_of(t);

	guarantees_unused -= unused_guarantee(root);
	t->mem_pages += (uint64_t)delta;
	for (struct task *a = t; a; a = a->mem_spawner)
		a->mem_family_pages += (uint64_t)delta;
	guarantees_unused += unused_guarantee(root);
}

/* Pages t may still be charged: the least room under the limits of t and of each task it descends from. */
static uint64_t room(const struct task *t)
{
	uint64_t least = UINT64_MAX;

	for (const struct task *a = t; a; a = a->mem_spawner) {
		uint64_t left = a->mem_family_pages < a->mem_limit ? a->mem_limit - a->mem_family_pages : 0;
		if (left < least)
			least = left;
	}
	return least;
}

/* Whether the charge of t, or of a task it descends from, is past its limit. */
static bool over_limit(const struct task *t)
{
	for (const struct task *a = t; a; a = a->mem_spawner)
		if (a->mem_family_pages > a->mem_limit)
			return true;
	return false;
}

/*
 * Whether t may be charged pages more (-EAGAIN past its limit), and the
 * machine's free frames, less those promised, cover need frames beside
 * the kernel's reserve and the other families' guarantees (-ENOMEM).
 */
static long may_charge(const struct task *t, uint64_t pages, uint64_t need)
{
	uint64_t free = pmm_free_pages(), promised = vm_committed_unbacked();
	uint64_t mine = unused_guarantee(root_of(t));
	uint64_t others = guarantees_unused - mine;
	uint64_t own = mine < need ? mine : need;

	if (pages > room(t))
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

	t->mem_root = t;
	t->mem_family_pages = t->mem_pages;
	t->mem_limit = limit;
	t->mem_guarantee = TASK_MEM_GUARANTEE_PAGES;
	guarantees_unused += unused_guarantee(t);
	return fits ? 0 : -ENOMEM;
}

uint64_t memcharge_room(const struct task *t)
{
	return room(t);
}

long memcharge_task_join(struct task *t, struct task *spawner, uint64_t limit)
{
	struct task *root = root_of(spawner);

	if (limit > room(spawner) || t->mem_family_pages > limit)
		return -EAGAIN;
	t->mem_limit = limit;
	t->mem_root = root;
	t->mem_spawner = spawner;
	guarantees_unused -= unused_guarantee(root);
	for (struct task *a = spawner; a; a = a->mem_spawner)
		a->mem_family_pages += t->mem_family_pages;
	guarantees_unused += unused_guarantee(root);
	return 0;
}

void memcharge_task_end(struct task *t)
{
	struct task *root = root_of(t);

	guarantees_unused -= unused_guarantee(root);
	if (root == t) {
		t->mem_guarantee = 0;
		return;
	}
	/* Its descendants ended first (process.c): its family charge is its own. */
	for (struct task *a = t->mem_spawner; a; a = a->mem_spawner)
		a->mem_family_pages -= t->mem_family_pages;
	guarantees_unused += unused_guarantee(root);
	t->mem_root = NULL;	/* what it gives back from now on is its own */
	t->mem_spawner = NULL;
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
	if (over_limit(t)) {
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
