#ifndef USERMEM_H
#define USERMEM_H

#include <stdbool.h>
#include <stdint.h>

#include "user_layout.h"

struct task;

/*
 * rb_mem_map hands out USER_ANON_BASE..USER_ANON_TOP (user_layout.h).
 * [addr, addr + len) lies inside that range (bytes).
 */
bool usermem_range_ok(uint64_t addr, uint64_t len);

/*
 * Maps len bytes (whole pages) of demand-zero memory into t's anonymous
 * range with VM_* flags, charged now and backed on first touch: at hint
 * (page-aligned, 0 for none) when that range is free, else at the first
 * free range from the task's cursor.  Returns the address; -EAGAIN past
 * the task's memory limit (memcharge.h), -ENOMEM when the machine's memory
 * would fall into the kernel's reserve or another task's guarantee, or no
 * range of len bytes is free; nothing is mapped then.  The time is bounded
 * by the task's page tables and len's pages (a few instructions each),
 * which the limit bounds first.
 * For sys_mem_map.
 */
long usermem_map(struct task *t, uint64_t hint, uint64_t len, unsigned flags);

/*
 * Unmaps whatever t has mapped in [addr, addr + len), page-aligned and
 * inside the anonymous range, and takes the pages and the page tables
 * left empty off its charge.  The time is bounded by the task's page
 * tables, not by len.  For sys_mem_unmap.
 */
void usermem_unmap(struct task *t, uint64_t addr, uint64_t len);

/*
 * Sets the VM_* rights (VM_USER, VM_WRITE, VM_EXEC; no VM_USER: no access)
 * of every page of [addr, addr + len), page-aligned bytes, which must lie
 * in t's images, main stack or anonymous range and be mapped or reserved.
 * Returns 0, or -ENOMEM, changing nothing.  For sys_mem_protect.
 */
long usermem_protect(struct task *t, uint64_t addr, uint64_t len, unsigned flags);

#endif
