/*
 * Anonymous memory for user heaps and thread stacks: whole zeroed pages
 * in the task's anonymous range, all or nothing.  Each task has a quota,
 * and the kernel keeps a reserve for itself, so one greedy task gets
 * ENOMEM instead of starving the kernel or the others.
 */
#include "usermem.h"
#include "task.h"
#include "vm.h"
#include "pmm.h"
#include "user_layout.h"
#include <errno.h>

bool usermem_range_ok(uint64_t addr, uint64_t len)
{
	return addr >= USER_ANON_BASE && addr < USER_ANON_TOP && len <= USER_ANON_TOP - addr;
}

static bool range_free(struct task *t, uint64_t addr, uint64_t len)
{
	uint64_t phys;
	unsigned flags;

	for (uint64_t off = 0; off < len; off += USER_PAGE_SIZE)
		if (vm_lookup(t->space, addr + off, &phys, &flags))
			return false;
	return true;
}

/* The first free range of len bytes at or after the task's cursor. */
static uint64_t find_free(struct task *t, uint64_t len)
{
	uint64_t addr = t->anon_next ? t->anon_next : USER_ANON_BASE;

	while (usermem_range_ok(addr, len)) {
		if (range_free(t, addr, len))
			return addr;
		addr += USER_PAGE_SIZE;
	}
	return 0;
}

long usermem_map(struct task *t, uint64_t hint, uint64_t len, unsigned flags)
{
	uint64_t pages = len / USER_PAGE_SIZE;

	if (t->anon_pages + pages > USER_ANON_QUOTA_PAGES || pmm_free_pages() < KERNEL_RESERVE_PAGES + pages)
		return -ENOMEM;
	/* The hint is only a preference: taken when that range is free. */
	bool at_hint = hint && usermem_range_ok(hint, len) && range_free(t, hint, len);
	uint64_t addr = at_hint ? hint : find_free(t, len);
	if (!addr)
		return -ENOMEM;
	if (!vm_map_fresh(t->space, addr, len, flags))
		return -ENOMEM;
	t->anon_pages += pages;
	if (!at_hint)
		t->anon_next = addr + len;
	return addr;
}

void usermem_unmap(struct task *t, uint64_t addr, uint64_t len)
{
	for (uint64_t off = 0; off < len; off += USER_PAGE_SIZE)
		if (vm_unmap(t->space, addr + off))
			t->anon_pages--;
	if (addr < t->anon_next)
		t->anon_next = addr;
}
