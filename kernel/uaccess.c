/*
 * User pointers are checked page by page against the task's page tables
 * before the kernel touches them; a reserved page not yet touched gets its
 * frame there (memcharge_touch), as the user's own touch would give it.  The kernel runs with interrupts off on
 * one CPU, so nothing can unmap a page between the check and the copy.
 * These routines are the only code that touches user pages: with SMAP on
 * (arch/protect.h) the kernel faults on a user page anywhere else, so
 * each copy is bracketed by user_access_open and user_access_close.
 */
#include "uaccess.h"
#include "smp.h"
#include "tcb.h"
#include "task.h"
#include "vm.h"
#include "memcharge.h"
#include "arch/layout.h"
#include "arch/uaccess_arch.h"
#include <errno.h>
#include <string.h>

bool user_page_back(struct task *t, uint64_t va, bool write, uint64_t *phys)
{
	return memcharge_touch(t, va) && vm_lookup_user(t->space, va, write, phys);
}

bool user_range_ok(uint64_t addr, size_t len, bool write)
{
	uint64_t phys;

	if (len == 0)
		return true;
	if (addr == 0 || addr >= USER_TOP || len > USER_TOP - addr)
		return false;
	for (uint64_t page = addr & ~(uint64_t)(PAGE_SIZE - 1); page < addr + len; page += PAGE_SIZE)
		if (!user_page_frame(current->task, page, write, &phys))
			return false;
	return true;
}

int copy_to_user(uint64_t dst, const void *src, size_t len)
{
	if (!user_range_ok(dst, len, true))
		return -EFAULT;
	user_access_open();
	memcpy((void *)dst, src, len);
	user_access_close();
	return 0;
}

int copy_from_user(void *dst, uint64_t src, size_t len)
{
	if (!user_range_ok(src, len, false))
		return -EFAULT;
	user_access_open();
	memcpy(dst, (const void *)src, len);
	user_access_close();
	return 0;
}

/*
 * Copy a NUL-terminated string of at most size - 1 bytes.  -ENAMETOOLONG
 * when no NUL comes in time: a name is never silently cut.  The page
 * tables are walked once per page the string touches, not once per byte.
 */
long copy_string_from_user(char *dst, uint64_t src, size_t size)
{
	size_t i = 0;

	while (i < size) {
		size_t chunk = PAGE_SIZE - ((src + i) & (PAGE_SIZE - 1));
		if (chunk > size - i)
			chunk = size - i;
		if (!user_range_ok(src + i, chunk, false))
			return -EFAULT;
		user_access_open();
		const char *from = (const char *)(src + i);
		size_t n = 0;
		while (n < chunk && (dst[i + n] = from[n]))
			n++;
		user_access_close();
		if (n < chunk)
			return 0;
		i += chunk;
	}
	return -ENAMETOOLONG;
}

long user_read_in_place(uint64_t addr, size_t len, long (*fn)(void *ctx, const void *p), void *ctx)
{
	if (!user_range_ok(addr, len, false))
		return -EFAULT;
	/* The task's threads on other CPUs wait for the lock meanwhile: the range holds still. */
	vm_shootdown(current->task->space);
	user_access_open();
	long r = fn(ctx, (const void *)addr);
	user_access_close();
	return r;
}
