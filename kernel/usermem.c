/*
 * Anonymous memory for user heaps and thread stacks: whole zeroed pages
 * in the task's anonymous range, all or nothing.  Each task has a quota,
 * and the kernel keeps a reserve for itself, so one greedy task gets
 * ENOMEM instead of starving the kernel or the others.
 */
#include "syscall.h"
#include "usermem.h"
#include "thread.h"
#include "task.h"
#include "vm.h"
#include "pmm.h"
#include "user_layout.h"
#include <errno.h>
#include <rainbow/types.h>

static bool anon_range_ok(uint64_t addr, uint64_t len)
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

	while (anon_range_ok(addr, len)) {
		if (range_free(t, addr, len))
			return addr;
		addr += USER_PAGE_SIZE;
	}
	return 0;
}

long sys_mem_map(const uint64_t arg[6])
{
	uint64_t hint = arg[0], len = arg[1], prot = arg[2];
	struct task *t = current->task;

	if (len == 0 || len > USER_ANON_TOP - USER_ANON_BASE)
		return -EINVAL;
	hint &= ~(uint64_t)(USER_PAGE_SIZE - 1);
	if ((prot & ~(uint64_t)(RB_PROT_READ | RB_PROT_WRITE | RB_PROT_EXEC)) ||
	    ((prot & RB_PROT_WRITE) && (prot & RB_PROT_EXEC)))
		return -EINVAL;
	len = (len + USER_PAGE_SIZE - 1) & ~(uint64_t)(USER_PAGE_SIZE - 1);
	uint64_t pages = len / USER_PAGE_SIZE;
	if (t->anon_pages + pages > USER_ANON_QUOTA_PAGES || pmm_free_pages() < KERNEL_RESERVE_PAGES + pages)
		return -ENOMEM;
	/* The hint is only a preference: taken when that range is free. */
	bool at_hint = hint && anon_range_ok(hint, len) && range_free(t, hint, len);
	uint64_t addr = at_hint ? hint : find_free(t, len);
	if (!addr)
		return -ENOMEM;
	unsigned flags = VM_USER | (prot & RB_PROT_WRITE ? VM_WRITE : 0) | (prot & RB_PROT_EXEC ? VM_EXEC : 0);
	if (!vm_map_fresh(t->space, addr, len, flags))
		return -ENOMEM;
	t->anon_pages += pages;
	if (!at_hint)
		t->anon_next = addr + len;
	return addr;
}

long sys_mem_unmap(const uint64_t arg[6])
{
	uint64_t addr = arg[0], len = arg[1];
	struct task *t = current->task;

	if (len == 0 || (addr & (USER_PAGE_SIZE - 1)))
		return -EINVAL;
	len = (len + USER_PAGE_SIZE - 1) & ~(uint64_t)(USER_PAGE_SIZE - 1);
	if (!anon_range_ok(addr, len))
		return -EINVAL;
	for (uint64_t off = 0; off < len; off += USER_PAGE_SIZE)
		if (vm_unmap(t->space, addr + off))
			t->anon_pages--;
	if (addr < t->anon_next)
		t->anon_next = addr;
	return 0;
}
