/* System calls of user memory: rb_mem_map, rb_mem_unmap, rb_mem_protect, rb_mem_usage (usermem.c). */
#include "syscall_handlers.h"
#include "usermem.h"
#include "tcb.h"
#include "vm.h"
#include "user_layout.h"
#include "task.h"
#include "uaccess.h"
#include <errno.h>
#include <rainbow/types.h>

static uint64_t page_round_up(uint64_t len)
{
	return (len + USER_PAGE_SIZE - 1) & ~(uint64_t)(USER_PAGE_SIZE - 1);
}

long sys_mem_map(const uint64_t arg[6])
{
	uint64_t hint = arg[0], len = arg[1], prot = arg[2];

	if (len == 0 || len > USER_ANON_TOP - USER_ANON_BASE)
		return -EINVAL;
	if ((prot & ~(uint64_t)(RB_PROT_READ | RB_PROT_WRITE | RB_PROT_EXEC)) ||
	    ((prot & RB_PROT_WRITE) && (prot & RB_PROT_EXEC)))
		return -EINVAL;
	unsigned flags = VM_USER | (prot & RB_PROT_WRITE ? VM_WRITE : 0) |
			 (prot & RB_PROT_EXEC ? VM_EXEC : 0);
	return usermem_map(current->task, hint & ~(uint64_t)(USER_PAGE_SIZE - 1),
			   page_round_up(len), flags);
}

long sys_mem_unmap(const uint64_t arg[6])
{
	uint64_t addr = arg[0], len = arg[1];

	/* The length is checked before it is rounded, which could wrap it to 0. */
	if (len == 0 || len > USER_ANON_TOP - USER_ANON_BASE || (addr & (USER_PAGE_SIZE - 1)))
		return -EINVAL;
	if (!usermem_range_ok(addr, page_round_up(len)))
		return -EINVAL;
	usermem_unmap(current->task, addr, page_round_up(len));
	return 0;
}

long sys_mem_protect(const uint64_t arg[6])
{
	uint64_t addr = arg[0], len = arg[1], prot = arg[2];

	if ((addr & (USER_PAGE_SIZE - 1)) ||
	    (prot & ~(uint64_t)(RB_PROT_READ | RB_PROT_WRITE | RB_PROT_EXEC)))
		return -EINVAL;
	if ((prot & RB_PROT_WRITE) && (prot & RB_PROT_EXEC))
		return -ENOTSUP;
	if (len == 0)
		return 0;
	if (len > USER_TOP)
		return -ENOMEM;
	unsigned flags = (prot ? VM_USER : 0) | (prot & RB_PROT_WRITE ? VM_WRITE : 0) |
			 (prot & RB_PROT_EXEC ? VM_EXEC : 0);
	return usermem_protect(current->task, addr, page_round_up(len), flags);
}

long sys_mem_usage(const uint64_t arg[6])
{
	const struct task *t = current->task;
	struct rb_mem_usage usage = {
		.limit = t->mem_limit * USER_PAGE_SIZE,
		.charged = t->mem_pages * USER_PAGE_SIZE,
		.resident = (t->mem_pages - t->mem_promised) * USER_PAGE_SIZE,
	};

	return copy_to_user(arg[0], &usage, sizeof(usage));
}
