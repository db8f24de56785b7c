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
 * Reads up to len bytes of console input into buf.  Input arrives by the
 * serial port's interrupt into a kernel buffer of RB_CONSOLE_INPUT_MAX
 * bytes (bytes that find it full are dropped and counted in the log); a
 * carriage return arrives as '\n' (a terminal's Enter), and a '\n' right
 * after one is dropped.  The console neither echoes nor edits lines.
 * RB_CONSOLE_EOF (^D) ends the input like a terminal's: the read stops
 * before it, and a read that starts at it consumes it and returns 0.
 * One call reads at most 256 bytes.
 * Returns the number of bytes read (> 0 while len > 0), 0 at RB_CONSOLE_EOF
 * or for len 0; -EAGAIN with RB_CONSOLE_NONBLOCK when nothing is waiting;
 * -EINVAL for another flag; -EFAULT (buf + len wraps, or what it would
 * write is not writable).  Blocks until a byte arrives, unless
 * RB_CONSOLE_NONBLOCK; one thread at a time reads, others wait their turn.
 */
long rb_console_read(void *buf, size_t len, unsigned flags);

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
 * user address, -EAGAIN if the thread's control block and UTCB would pass
 * the task's memory limit (threads that ended but are not joined yet still
 * count; docs/limits.md), or -ENOMEM if the machine is out of memory.
 * Does not block.
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
 * past the task's memory limit (for its image, stack, anonymous memory
 * their page tables and its kernel objects: a quarter of the machine's memory unless its
 * bundle line says RAINBOW_MEM_LIMIT=SIZE; docs/limits.md); -ENOMEM when
 * the machine is short of memory or no free range of len bytes is left.
 * The pages are reserved and charged now, and each gets its zeroed frame
 * on first touch, which never fails.  Its time is bounded by len's pages
 * (a few instructions each) and what the task has mapped, not by hint.
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
 * Sets the rights of the pages of [addr, addr + len) (len rounded up to
 * whole pages) to prot, a combination of RB_PROT_*: 0 makes them
 * inaccessible (a touch kills the task, a system call given them fails
 * with -EFAULT), RB_PROT_READ readable, RB_PROT_WRITE also writable,
 * RB_PROT_EXEC also executable.  Every page must be mapped (or reserved)
 * in the task's images, main stack or anonymous range.  W^X holds: no page
 * is both writable and executable, but a page may go from one to the
 * other.  Returns 0; -EINVAL if addr is not page-aligned or prot has
 * unknown bits; -ENOTSUP if prot has both RB_PROT_WRITE and RB_PROT_EXEC
 * (POSIX's error for a combination the system does not support);
 * -ENOMEM if a page of the range is not mapped or lies outside those
 * ranges (nothing changes then).  len 0 changes nothing and returns 0.
 * Its time is one page-table walk per page, twice.  Does not block.
 */
long rb_mem_protect(void *addr, size_t len, int prot);

/*
 * Stores the calling task's memory limit, charge and resident memory
 * (struct rb_mem_usage, bytes) in *usage.  Returns 0, or -EFAULT if usage
 * is not writable memory of the task.  Does not block.
 */
long rb_mem_usage(struct rb_mem_usage *usage);

/*
 * Lets other ready threads run first.
 * Returns 0.
 */
long rb_yield(void);

/*
 * Sleeps at least ns nanoseconds of CLOCK_MONOTONIC (rb_clock_monotonic_ns),
 * however late the kernel's ticks come (rounded up to the timer's
 * resolution).  Returns 0.  Blocks.
 */
long rb_sleep_ns(uint64_t ns);

/*
 * Returns the calling task's id (> 0).  Never fails.  Ids are reused: the
 * id of a task that ended and was collected may name a later task.
 */
long rb_task_id(void);

/*
 * Whether the task key names a task that has not ended: 1, or 0 once it
 * has ended (or its id names a later task).  A key is what
 * rb_ipc_caller_task gives a server: the task's id in bits 0..31 and its
 * incarnation above, so that a server can let go of what it keeps for a
 * client task once that task is gone, even when the client left it no
 * other sign (docs/files.md).  -EINVAL for a key <= 0.  Does not block.
 */
long rb_task_alive(long key);

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
 * Sets the CPUs thread tid of the calling task (0: the caller) may run on:
 * bit i of cpus for CPU i (as rb_cpu_current() numbers them; bits of CPUs
 * that are not online are dropped).  A new thread may run on every online
 * CPU.  When the thread's CPU is not one of them it moves at once to the
 * least loaded that is: if it is running there, that CPU switches away
 * from it first, so the caller, moving itself, runs on an allowed CPU when
 * this returns.  Each CPU schedules its own threads by strict priority
 * (docs/kernel.md, CPUs: what holds across CPUs).
 * Returns 0; -EINVAL if cpus has no online CPU, -ESRCH if there is no such
 * thread (or it has exited).
 */
long rb_thread_set_affinity(long tid, uint32_t cpus);

/*
 * The CPUs thread tid of the calling task (0: the caller) may run on, as
 * rb_thread_set_affinity() set them (bit i for CPU i, online ones only):
 * returns that mask (> 0), or -ESRCH if there is no such thread.
 */
long rb_thread_get_affinity(long tid);

/*
 * Returns the CPU the caller runs on: 0 (the boot CPU) to the number of
 * CPUs less one.  It may run on another as soon as this returns, unless
 * its affinity allows that CPU only.
 */
long rb_cpu_current(void);

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
 * 20 ms late on time's ticks, never before it).  Without the flag deadline_ns is ignored and the
 * wait has no end of its own.  The value is read and the thread queued as
 * one step, so a wake after a change of the word cannot be missed.
 * Returns 0 when woken (also possibly with the word unchanged: callers
 * check again); -EAGAIN if the word was not expected (nothing waited);
 * -ETIMEDOUT at the deadline, at once if it has passed; -EINVAL for an
 * unaligned addr or a flag other than RB_FUTEX_DEADLINE; -EFAULT if addr
 * is not readable memory of the task; -ENOMEM (nothing waited) only if
 * the kernel found no page at all for its first wait queue.  Blocks.
 * Holds no kernel memory of its own (a waiter is its thread), so it has
 * no per-task limit of its own.
 */
long rb_futex_wait(const volatile uint32_t *addr, uint32_t expected, unsigned flags,
		   uint64_t deadline_ns);

/*
 * Wakes up to count threads of the calling task waiting in rb_futex_wait
 * on addr, longest waiting first (RB_FUTEX_WAKE_ALL: all of them).
 * Returns how many it woke (>= 0); -EINVAL for an unaligned addr,
 * -EFAULT if addr is not memory of the task.  Does not block, but a woken
 * thread of higher priority runs at once.  Work is the waiters it wakes
 * and the few others hashed beside them, however many threads wait.
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
 * Starts the ELF program image[0..size), in the caller's memory, as a new
 * task: the kernel checks it as strictly as a boot module (kernel/
 * elf_check.c: static or static-PIE, no interpreter, every segment in the
 * user image range, never writable and executable) and loads it by the
 * same path, each segment and the stack charged to the new task's limit
 * (which the caller's and its ancestors' limits bound, docs/limits.md).
 * size may be at most RB_SPAWN_IMAGE_MAX (4 MiB), which keeps one call
 * under about 4 ms, since the kernel copies the image with interrupts off.
 * argv (NULL-terminated, argv[0] the task's name) and envp
 * (NULL-terminated, or NULL for none) reach its initial stack: at most
 * 64 words each, their strings at most one page together.  The new task is
 * the caller's child: only the caller may rb_task_wait for it and
 * rb_task_kill it.  It has no handles; it finds servers by name like a
 * boot module.
 * Returns the new task's id (> 0); -ENOEXEC for an image the kernel
 * refuses (one log line says why, and nothing stays behind); -EINVAL for
 * a NULL or empty argv; -E2BIG for too many words or strings that do not
 * fit; -EFBIG for size over RB_SPAWN_IMAGE_MAX; -EAGAIN when the caller
 * has 32 children (running, or ended and not collected), the caller's
 * memory limit has no room for the new task's record, no task id is
 * free, the image is over the new task's memory limit, or envp's
 * RAINBOW_MEM_LIMIT is more than the caller has left; -ENOMEM when the
 * machine is short of memory; -EFAULT.  Does not block; its time grows
 * with size, at most RB_SPAWN_IMAGE_MAX.
 */
long rb_task_spawn(const void *image, size_t size, const char *const argv[],
		   const char *const envp[]);

/*
 * Collects the end of a child (a task the caller spawned): the child with
 * this id, or any child for id -1.  Stores in *status (unless status is
 * NULL) its exit status, 0 to 255 (exit()'s argument & 0xff), or
 * RB_TASK_KILLED when it was killed (rb_task_kill, a fault, a deadlock).
 * A child's status stays until collected, once; a task that ends before
 * its children leaves them running, and nobody collects them.
 * Returns the child's id (> 0); 0 with RB_TASK_NOHANG while no such child
 * has ended; -ECHILD when the caller has no such child (none spawned,
 * already collected, or another task's); -EINVAL for an id below 1 but
 * -1, or another flag; -EFAULT.  Blocks until such a child ends, unless
 * RB_TASK_NOHANG.
 */
long rb_task_wait(long id, int *status, unsigned flags);

/*
 * Ends task id, a child of the caller, as killed (its status is
 * RB_TASK_KILLED); with RB_TASK_PROBE kills nothing and only says whether
 * it could.  Returns 0 (also for a child that ended and is not collected
 * yet); -ESRCH for no such task; -EPERM for a task the caller did not
 * spawn (itself included); -EINVAL for another flag.  Does not block.
 */
long rb_task_kill(long id, unsigned flags);

/*
 * The bundle's data files (its file and dir lines, README "Bundles"): one
 * POSIX ustar archive that GRUB loaded as a module with the string
 * "/bootdata TASK" (mk/mkiso), kept by the kernel for the boot task named
 * TASK, the file server (docs/files.md).  With len below the archive's
 * size, returns its size in bytes and copies nothing; otherwise copies it
 * to buf and hands it over: later calls, by any task, answer -ENOENT.
 * Errors: -ENOENT (no data in the bundle, or taken already), -EPERM (the
 * caller's name is not TASK), -EFAULT (buf, len not writable memory).
 * Does not block; the copy is one pass over the archive.
 */
long rb_bootdata_take(void *buf, size_t len);

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

/*
 * The CPUs that are online, as a mask: bit i for CPU i (as rb_cpu_current()
 * numbers them, at most 32), the boot CPU's bit 0 always set, so never 0.
 * Read from the vDSO data page without entering the kernel: the kernel
 * writes it once every CPU that answered has come online, before the
 * first task starts, and again if a CPU comes online later (CPUs never go
 * offline).  The mask rb_thread_set_affinity() keeps bits of, and what
 * sysconf(_SC_NPROCESSORS_ONLN) counts.  Never fails, never blocks.
 */
uint32_t rb_cpus_online(void);

#endif
