#ifndef USERMEM_H
#define USERMEM_H

#include <stdbool.h>
#include <stdint.h>

#include "user_layout.h"

struct task;

/*
 * rb_mem_map hands out USER_ANON_BASE..USER_ANON_TOP (user_layout.h), at
 * most this much per task (64 MiB).
 */
#define USER_ANON_QUOTA_PAGES ((64 << 20) / USER_PAGE_SIZE)
/* Pages the kernel keeps for page tables and thread control blocks. */
#define KERNEL_RESERVE_PAGES 1024

/* [addr, addr + len) lies inside the anonymous range (bytes). */
bool usermem_range_ok(uint64_t addr, uint64_t len);

/*
 * Maps len bytes (whole pages) of fresh zeroed memory into t's anonymous
 * range with VM_* flags: at hint (page-aligned, 0 for none) when that range
 * is free, else at the first free range from the task's cursor.  Returns
 * the address, or -ENOMEM past the task's quota, the kernel's reserve, or
 * when no range is free; nothing is mapped then.  For sys_mem_map.
 */
long usermem_map(struct task *t, uint64_t hint, uint64_t len, unsigned flags);

/*
 * Unmaps whatever t has mapped in [addr, addr + len), page-aligned and
 * inside the anonymous range, and gives the pages back to its quota.
 * For sys_mem_unmap.
 */
void usermem_unmap(struct task *t, uint64_t addr, uint64_t len);

#endif
