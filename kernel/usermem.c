/*
 * Anonymous memory for user heaps and thread stacks: whole pages in the
 * task's anonymous range, all or nothing, charged to the task when mapped
 * and zeroed on first touch (memcharge.c); and the rights of a task's
 * pages (rb_mem_protect).  Finding a free range and unmapping walk the
 * task's page tables and skip absent levels, so every call's time is
 * bounded by what the task has mapped, never by the size of its arguments.
 */
#include "usermem.h"
#include "memcharge.h"
#include "task.h"
#include "vm.h"
#include "user_layout.h"
#include <errno.h>

bool usermem_range_ok(uint64_t addr, uint64_t len)
{
	return addr >= USER_ANON_BASE && addr < USER_ANON_TOP && len <= USER_ANON_TOP - addr;
}

/*
 * The first free range of len bytes at or after the task's cursor, else
 * the first from the bottom of the range; 0 when there is none.
 */
static uint64_t find_free(struct task *t, uint64_t len)
{
	uint64_t from = t->anon_next ? t->anon_next : USER_ANON_BASE;
	uint64_t addr = from < USER_ANON_TOP ? vm_find_free(t->space, from, USER_ANON_TOP, len) : 0;

	if (!addr && from > USER_ANON_BASE)
		addr = vm_find_free(t->space, USER_ANON_BASE, USER_ANON_TOP, len);
	return addr;
}

long usermem_map(struct task *t, uint64_t hint, uint64_t len, unsigned flags)
{
	/* The hint is only a preference: taken when that range is free. */
	bool at_hint = hint && usermem_range_ok(hint, len) &&
		       vm_find_free(t->space, hint, hint + len, len) == hint;
	uint64_t addr = at_hint ? hint : find_free(t, len);
	if (!addr)
		return -ENOMEM;
	long error = memcharge_map(t, addr, len, flags);
	if (error)
		return error;
	if (!at_hint)
		t->anon_next = addr + len;
	return addr;
}

void usermem_unmap(struct task *t, uint64_t addr, uint64_t len)
{
	memcharge_unmap(t, addr, len);
	if (addr < t->anon_next)
		t->anon_next = addr;
}

/* [addr, addr + len) inside [lo, hi). */
static bool inside(uint64_t addr, uint64_t len, uint64_t lo, uint64_t hi)
{
	return addr >= lo && addr < hi && len <= hi - addr;
}

long usermem_protect(struct task *t, uint64_t addr, uint64_t len, unsigned flags)
{
	bool allowed = inside(addr, len, USER_IMAGE_LOW, USER_ANON_TOP) ||
		       inside(addr, len, t->stack_top - t->stack_size, t->stack_top);

	if (!allowed || !vm_protect_range(t->space, addr, len, flags))
		return -ENOMEM;
	return 0;
}
