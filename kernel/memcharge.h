#ifndef MEMCHARGE_H
#define MEMCHARGE_H

#include <stdint.h>
#include "user_layout.h"

struct task;

/*
 * Frames charged to tasks.  Every frame a task causes the kernel to hold
 * for its address space is charged to it: its module's segments, its main
 * stack, its anonymous memory (rb_mem_map) and the page tables behind all
 * of these.  The charge may not pass the task's limit, and no task may
 * take the kernel's reserve.  docs/limits.md lists both.
 */
#define TASK_MEM_LIMIT_PAGES ((64 << 20) / USER_PAGE_SIZE)	/* 64 MiB */
/* Frames only the kernel may take: page tables of its own, thread control blocks. */
#define KERNEL_RESERVE_PAGES 1024

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
