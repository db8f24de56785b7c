#ifndef UACCESS_H
#define UACCESS_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/*
 * Checked access to the current task's memory.  Every system call that
 * takes a pointer goes through these: a null, unmapped, kernel or
 * wrapping range gives -EFAULT instead of a kernel fault.
 */
#include "vm.h"
#include "task.h"
#include "arch/layout.h"

/* user_page_frame's slow case: back a reserved page (memcharge_touch), then look again. */
bool user_page_back(struct task *t, uint64_t va, bool write, uint64_t *phys);

/*
 * The frame behind user address va of task t (any task: the bulk copy of
 * IPC reaches its caller's), into *phys: true when va is a user page
 * mapped (writable if write) in t, backing a reserved page first as the
 * user's own touch would (memcharge_touch, charged to t).  O(1); inline,
 * for it runs once per page of every checked access.
 */
static inline bool user_page_frame(struct task *t, uint64_t va, bool write, uint64_t *phys)
{
	return va < USER_TOP && (vm_lookup_user(t->space, va, write, phys) ||
				 user_page_back(t, va, write, phys));
}

/* Whether [addr, addr + len) is mapped user memory (writable if write); len 0 is. */
bool user_range_ok(uint64_t addr, size_t len, bool write);
/* A NUL-terminated string of at most size - 1 bytes: 0, -EFAULT or -ENAMETOOLONG. */
long copy_string_from_user(char *dst, uint64_t src, size_t size);
/* len bytes into the task at dst: 0, or -EFAULT with nothing written. */
int copy_to_user(uint64_t dst, const void *src, size_t len);
/* len bytes from the task at src: 0, or -EFAULT with nothing read. */
int copy_from_user(void *dst, uint64_t src, size_t len);

/*
 * Lets the kernel read [addr, addr + len) of the current task in place, so
 * a large range needs no kernel copy: fn(ctx, p) runs with p == addr and
 * the kernel's access to user pages open.  fn must not block nor touch
 * other user memory.  Nothing unmaps the range meanwhile (the kernel
 * lock), and the task's threads running on other CPUs are stopped first
 * (smp_tlb_shootdown), so the range cannot change under fn's checks.  Returns fn's result, or -EFAULT without calling fn when the
 * range is not readable user memory.
 */
long user_read_in_place(uint64_t addr, size_t len, long (*fn)(void *ctx, const void *p), void *ctx);

#endif
