/*
 * The Rainbow system interface, as apps see it.
 *
 * Each function is exported by the vDSO in version node RAINBOW_1; the crt
 * resolves them at startup, so apps call them like any other function.
 *
 * Errors are returned, never stored in errno: a negative result is -E... with
 * picolibc's <errno.h> values.  Every call that enters the kernel may also
 * return -ENOSYS from a kernel that does not implement it.  Pointer arguments
 * the kernel cannot use as user memory give -EFAULT.
 *
 * "Blocks" means the calling thread may sleep; other threads run meanwhile.
 */
#ifndef RAINBOW_SYSCALL_H
#define RAINBOW_SYSCALL_H

#include <stddef.h>
#include <stdint.h>

#include <rainbow/types.h>

/*
 * Writes the first bytes of buf, at most len and at most
 * RB_CONSOLE_WRITE_MAX, to the console: a longer write takes several calls,
 * between which other tasks run.  Returns the number written, or -EFAULT
 * (buf + len wraps, or what would be written is not readable).  Blocks until
 * the console took the bytes.
 */
long rb_console_write(const void *buf, size_t len);

/*
 * Reads up to len bytes of console input into buf.
 * Returns the number of bytes that were waiting (0 when none is), or
 * -EFAULT.  Does not block: the console is polled (no input interrupt yet),
 * so 0 means "nothing now", not end of input.
 */
long rb_console_read(void *buf, size_t len);

/*
 * Ends the calling task, all its threads included, with status.  Whoever
 * sees the task's status (the bundle's verdict, rainbow-run) gets its low 8
 * bits, status & 0xff, as POSIX passes to a waiting parent: 300 gives 44,
 * -1 gives 255, 256 gives 0.  The kernel log shows both when they differ:
 * "task NAME exited: 44 (from exit(300))".  Never returns.
 */
_Noreturn void rb_exit(int status);

/*
 * Starts a thread in the calling task.  It begins at entry with rdi = arg,
 * rsp = stack_top exactly (give it the alignment of a function entry:
 * stack_top + 8 a multiple of 16) and FS base = tls.  entry has no return
 * address to go back to: it must end with rb_thread_exit().
 * Returns the new thread's id (> 0), -EINVAL if entry or stack_top is not a
 * user address, -EAGAIN if the task holds its limit of threads (128, those
 * that ended but are not joined yet included; docs/limits.md), or -ENOMEM
 * if the machine is out of memory.  Does not block.
 */
long rb_thread_create(void (*entry)(void *), void *arg, void *stack_top,
		      void *tls);

/*
 * Ends the calling thread; status goes to the thread that joins it, whole.
 * The last thread of a task to end ends the task with status, as rb_exit()
 * does (its low 8 bits).
 * Never returns.
 */
_Noreturn void rb_thread_exit(int status);

/*
 * Waits until thread tid of the calling task has ended, then stores its
 * exit status in *status unless status is NULL.  A thread can be joined once.
 * Returns 0; -ESRCH if there is no such thread to join, -EDEADLK if tid is
 * the caller, -EINVAL if another thread is already joining it, or -EFAULT.
 * Blocks.
 */
long rb_thread_join(long tid, int *status);

/*
 * Maps len bytes (rounded up to whole pages) of zeroed memory with prot, a
 * combination of RB_PROT_*, in the task's anonymous range (the address map
 * of docs/design.md, kernel/user_layout.h).  hint is a preferred address or NULL:
 * it is used when it is in that range and free, else the kernel chooses.
 * Returns the page-aligned address (> 0); -EINVAL if len is 0 or too large,
 * prot has unknown bits or both RB_PROT_WRITE and RB_PROT_EXEC; -EAGAIN
 * past the task's memory limit (64 MiB for its image, stack, anonymous
 * memory and their page tables; docs/limits.md); -ENOMEM when the machine
 * is short of memory or no free range of len bytes is left.  Its time is
 * bounded by what the task has mapped, never by len or hint.
 * Does not block.
 */
long rb_mem_map(void *hint, size_t len, int prot);

/*
 * Unmaps the pages of [addr, addr + len) (len rounded up to whole pages);
 * pages not mapped are skipped, in time bounded by what the task has
 * mapped, never by len.  The memory and the page tables left empty go
 * back, off the task's limit.  Only the anonymous range can be unmapped.
 * Returns 0, or -EINVAL if addr is not page-aligned, len is 0 or the range
 * leaves the anonymous range.  Does not block.
 */
long rb_mem_unmap(void *addr, size_t len);

/*
 * Lets other ready threads run first.
 * Returns 0.
 */
long rb_yield(void);

/*
 * Sleeps at least ns nanoseconds (rounded up to the timer's resolution).
 * Returns 0.  Blocks.
 */
long rb_sleep_ns(uint64_t ns);

/* Returns the calling task's id (> 0).  Never fails. */
long rb_task_id(void);

/* Returns the calling thread's id (> 0), as rb_thread_create() gave it. */
long rb_thread_id(void);

/*
 * Sets the scheduling priority of thread tid of the calling task (0: the
 * caller) to priority, from 0 (lowest) to RB_PRIORITY_MAX; new threads
 * start at their creator's, the first at RB_PRIORITY_DEFAULT.  The highest
 * priority ready thread always runs; equal ones share the CPU round robin,
 * task by task, then thread by thread within a task.
 * Returns 0; -EINVAL for a priority out of range, -EPERM above
 * RB_PRIORITY_DEFAULT (no task may outrank the others), -ESRCH if there is
 * no such thread.  Does not block, but the caller may be preempted at once by
 * a thread it raised above itself.
 */
long rb_thread_set_priority(long tid, int priority);

/*
 * The futex pair, what user-space locks block on (<pthread.h> and picolibc's
 * locks in libc-glue).  Waiters are keyed by (calling task, addr): threads
 * of one task meet at the same address, another task's never do.
 *
 * rb_futex_wait blocks the calling thread while the 32-bit word at addr
 * (4-byte aligned, readable) holds expected, until rb_futex_wake of addr
 * by a thread of the same task wakes it, or, with RB_FUTEX_DEADLINE in
 * flags, until CLOCK_MONOTONIC (rb_clock_monotonic_ns) reaches deadline_ns
 * (nanoseconds; the wake comes at a timer tick after the deadline, at most
 * 20 ms late).  Without the flag deadline_ns is ignored and the
 * wait has no end of its own.  The value is read and the thread queued as
 * one step, so a wake after a change of the word cannot be missed.
 * Returns 0 when woken (also possibly with the word unchanged: callers
 * check again); -EAGAIN if the word was not expected (nothing waited);
 * -ETIMEDOUT at the deadline, at once if it has passed; -EINVAL for an
 * unaligned addr or a flag other than RB_FUTEX_DEADLINE; -EFAULT if addr
 * is not readable memory of the task.  Blocks.  Holds no kernel memory
 * (a waiter is its thread), so it has no per-task limit of its own.
 */
long rb_futex_wait(const volatile uint32_t *addr, uint32_t expected, unsigned flags,
		   uint64_t deadline_ns);

/*
 * Wakes up to count threads of the calling task waiting in rb_futex_wait
 * on addr, longest waiting first (RB_FUTEX_WAKE_ALL: all of them).
 * Returns how many it woke (>= 0); -EINVAL for an unaligned addr,
 * -EFAULT if addr is not memory of the task.  Does not block, but a woken
 * thread of higher priority runs at once.  Work is bounded by the task's
 * thread limit (128).
 */
long rb_futex_wake(const volatile uint32_t *addr, uint32_t count);

/*
 * Sets the calling thread's FS base, the thread pointer of %fs:0 accesses.
 * Returns 0, or -EINVAL if fs_base is not a user address.
 */
long rb_set_tls(void *fs_base);

/*
 * Fills buf with len random bytes from the kernel's generator
 * (kernel/random.c: ChaCha20, fast key erasure, seeded at boot from the
 * CPU's seed instruction when present, cycle-counter jitter and the RTC).
 * Returns len; -EINVAL if len is above RB_RANDOM_MAX (256) bytes, -EFAULT.
 * Does not block: the generator is seeded before the first task starts.
 */
long rb_random(void *buf, size_t len);

/*
 * CPU time used so far, in nanoseconds, by which: RB_CPU_TASK (the calling
 * task, ended threads included) or RB_CPU_THREAD (the calling thread).
 * Sampled by the timer (kernel/cputime.h): each tick charges its whole
 * period to the thread it interrupts, so the resolution is
 * RB_CPU_TIME_RESOLUTION_NS (10 ms) and time spent blocked or sleeping
 * is not counted.  Returns the time (>= 0), or -EINVAL for another which.
 * Does not block.
 */
long rb_cpu_time_ns(int which);

/*
 * Nanoseconds since boot, from the vDSO data page without entering the
 * kernel.  Never fails, never goes back, never blocks.
 */
uint64_t rb_clock_monotonic_ns(void);

/*
 * Stores the time of clock (RB_CLOCK_REALTIME or RB_CLOCK_MONOTONIC) in *ts,
 * without entering the kernel.  Returns 0 or -EINVAL for another clock.
 * Runs in user space, so a bad ts faults the caller instead of -EFAULT.
 */
long rb_clock_gettime(int clock, struct rb_timespec *ts);

#endif
