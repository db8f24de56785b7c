#ifndef MEMCHARGE_H
#define MEMCHARGE_H

#include <stdbool.h>
#include <stdint.h>
#include "user_layout.h"

struct task;

/*
 * Frames charged to tasks.  Every frame a task causes the kernel to hold
 * for its address space is charged to it: its module's segments, its main
 * stack, its anonymous memory (rb_mem_map) and the page tables behind all
 * of these.  Memory is demand-zero (vm.h): a range is reserved at map time
 * and each page gets its zeroed frame on first touch.
 *
 * Committed memory (segments, rb_mem_map) is charged when it is mapped,
 * every page of it, so a touch never fails for lack of memory.  The main
 * stack's top USER_STACK_COMMIT is committed too; the rest of it is
 * reserved but charged page by page as it is touched (as Linux grows a
 * stack); a touch there past the limit kills the task with a report.
 *
 * The charge, with what the task lent to its children, may not pass the
 * task's limit (t->mem_limit), and no task may take the kernel's reserve
 * or another family's guarantee: each live boot task is promised
 * TASK_MEM_GUARANTEE_PAGES, which the charges of it and of its
 * descendants (its family) cover first and no other family's charge can
 * use, so a family within its guarantee never sees -ENOMEM however many
 * tasks sit at their limits.
 *
 * A spawned task's charges count against its spawner's limit too, and so
 * on up to its boot task (hierarchical, as cgroups charge), until the
 * child's address space is freed; its own limit is at most what its
 * spawner had room for when it was spawned.  So a family never holds more
 * than its boot task's limit, whatever it spawns; a spawned task has no
 * guarantee of its own.  docs/limits.md lists all of these.
 */
/* Frames only the kernel may take: page tables of its own, thread control blocks. */
#define KERNEL_RESERVE_PAGES 1024
/* What each live task is promised: 4 MiB. */
#define TASK_MEM_GUARANTEE_PAGES ((4 << 20) / USER_PAGE_SIZE)
/* The smallest default limit, on a small machine: 16 MiB. */
#define TASK_MEM_LIMIT_MIN_PAGES ((16 << 20) / USER_PAGE_SIZE)

/*
 * The default limit of a task (pages): a quarter of the frames free when
 * first asked (at boot, once the page allocator has the memory map), at
 * least TASK_MEM_LIMIT_MIN_PAGES.
 */
uint64_t memcharge_default_limit(void);

/*
 * A new task begins with limit (pages) and its guarantee, which is taken
 * from the machine's free memory even when this returns -ENOMEM (there is
 * not that much left beyond the kernel's reserve and the other tasks'
 * guarantees); memcharge_task_end gives it back in either case.
 */
long memcharge_task_begin(struct task *t, uint64_t limit);
/*
 * Pages t may still be charged: the least, over t and each task it
 * descends from, of its limit less its family's charge.  O(depth).
 */
uint64_t memcharge_room(const struct task *t);
/*
 * A new spawned task t joins spawner's family with limit (pages): from now
 * on its charges count against its own limit and, up its chain, against
 * its spawner's and each ancestor's; it has no guarantee of its own (its
 * boot task's covers it).  0, or -EAGAIN when limit is more than spawner
 * has room for (memcharge_room); then t is left alone.
 */
long memcharge_task_join(struct task *t, struct task *spawner, uint64_t limit);
/*
 * The task's address space is going (its frames are freed by the caller
 * next, its descendants' went before): a boot task's guarantee goes back,
 * a spawned task's charge leaves its ancestors' family charges.
 */
void memcharge_task_end(struct task *t);

/*
 * Charges pages frames of kernel objects (thread control blocks, handle
 * and id tables, port and name pools) to t before the caller takes them
 * from pmm: 0, -EAGAIN when t's limit would be passed, -ENOMEM when the
 * machine's free frames would reach into the kernel's reserve or another
 * task's guarantee.
 */
long memcharge_take(struct task *t, uint64_t pages);
/* Gives back what memcharge_take charged. */
void memcharge_give(struct task *t, uint64_t pages);

/*
 * Reserves len bytes (page-aligned, unused) at va in t's space with VM_*
 * flags, demand-zero, and charges them, with the page tables created, to
 * t.  Returns 0; -EAGAIN when the charge would pass t's limit, -ENOMEM
 * when it would reach into the kernel's reserve or another task's
 * guarantee.  On an error nothing is mapped and nothing is charged.  The
 * time is a few instructions per page (no frame is zeroed here).
 */
long memcharge_map(struct task *t, uint64_t va, uint64_t len, unsigned flags);

/*
 * Reserves len bytes at va like memcharge_map but charges only the page
 * tables: each page is charged when first touched (memcharge_touch).
 * For the main stack.  Same errors.
 */
long memcharge_reserve(struct task *t, uint64_t va, uint64_t len, unsigned flags);

/*
 * Gives the reserved page at va (any address in it) its zeroed frame,
 * charging it to t when it was not charged at map time.  True when the page
 * is mapped now (it may already have been); false when nothing is mapped
 * or reserved there, or the charge fails (limit, or no memory).  For the
 * page-fault path and the kernel's own copies into user memory.
 */
bool memcharge_touch(struct task *t, uint64_t va);

/*
 * Unmaps whatever is mapped or reserved in [va, va + len) (page-aligned,
 * user half) of t's space, frees the frames touched and the page tables
 * left empty, and takes them off t's charge.  Absent levels are skipped:
 * the time is bounded by t's page tables, not by len.
 */
void memcharge_unmap(struct task *t, uint64_t va, uint64_t len);

#endif
