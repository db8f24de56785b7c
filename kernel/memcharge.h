#ifndef MEMCHARGE_H
#define MEMCHARGE_H

#include <stdint.h>
#include "user_layout.h"

struct task;

/*
 * Frames charged to tasks.  Every frame a task causes the kernel to hold
 * for its address space is charged to it: its module's segments, its main
 * stack, its anonymous memory (rb_mem_map) and the page tables behind all
 * of these.  The charge may not pass the task's limit (memcharge_limit), and no task may
 * take the kernel's reserve.  docs/limits.md lists both.
 */
#define TASK_MEM_LIMIT_PAGES ((64 << 20) / USER_PAGE_SIZE)	/* 64 MiB */
/* The limit grows with the machine: a quarter of its free frames at boot, if more. */
#define TASK_MEM_LIMIT_SHARE 4
/* Frames only the kernel may take: page tables of its own, thread control blocks. */
#define KERNEL_RESERVE_PAGES 1024

/*
 * Fixes the per-task limit from the frames free at boot (after pmm_init):
 * TASK_MEM_LIMIT_PAGES, or 1/TASK_MEM_LIMIT_SHARE of them when that is
 * more (256 MiB at -m 1G), so that kernel objects scale with memory.
 */
void memcharge_init(void);
/* The per-task limit in frames, as memcharge_init fixed it. */
uint64_t memcharge_limit(void);

/*
 * Charges pages frames of kernel objects (thread control blocks, handle
 * and id tables, port and name pools) to t before the caller takes them
 * from pmm: 0, -EAGAIN when t's limit would be passed, -ENOMEM when the
 * machine's free frames would fall into the kernel's reserve.
 */
long memcharge_take(struct task *t, uint64_t pages);
/* Gives back what memcharge_take charged. */
void memcharge_give(struct task *t, uint64_t pages);

/*
 * Maps len bytes (page-aligned) of fresh zeroed frames at va in t's space
 * with VM_* flags and charges them, with the page tables created, to t.
 * Returns 0; -EAGAIN when the charge would pass t's limit, -ENOMEM when
 * the machine's free frames would fall into the kernel's reserve.  On an
 * error nothing is mapped and nothing is charged.  The time is linear in
 * len, which the limit bounds before anything is done.
 */
long memcharge_map(struct task *t, uint64_t va, uint64_t len, unsigned flags);

/*
 * Unmaps whatever is mapped in [va, va + len) (page-aligned, user half)
 * of t's space, frees the frames and the page tables left empty, and
 * takes them off t's charge.  Absent levels are skipped: the time is
 * bounded by t's page tables, not by len.
 */
void memcharge_unmap(struct task *t, uint64_t va, uint64_t len);

#endif
