/*
 * Types and constants of the Rainbow system interface (<rainbow/syscall.h>).
 */
#ifndef RAINBOW_TYPES_H
#define RAINBOW_TYPES_H

#include <stdint.h>

#include <rainbow/page.h>

/*
 * Environment words the kernel reads when it loads a task, from its bundle
 * line or rb_task_spawn()'s envp (docs/limits.md, README's Bundles): its
 * memory limit, and whether it is a service.  libc takes them out of
 * environ before main, so that a child spawned with environ does not
 * inherit them.
 */
#define RB_ENV_MEM_LIMIT "RAINBOW_MEM_LIMIT="
#define RB_ENV_SERVICE   "RAINBOW_SERVICE="

/* The most bytes one rb_console_write() writes. */
#define RB_CONSOLE_WRITE_MAX 4096
/* Bytes of console input the kernel holds until they are read. */
#define RB_CONSOLE_INPUT_MAX 4096

/* rb_mem_map() protections; combine with |.  WRITE with EXEC is refused. */
#define RB_PROT_READ  1
#define RB_PROT_WRITE 2
#define RB_PROT_EXEC  4

/* rb_mem_usage(): the calling task's memory, in bytes. */
struct rb_mem_usage {
	uint64_t limit;		/* what it may be charged (docs/limits.md) */
	uint64_t charged;	/* charged now: images, anonymous memory (all of it
				   from the map on), the main stack's touched pages, page tables */
	uint64_t resident;	/* of that, what has frames: charged less the
				   mapped pages never touched */
};

/*
 * rb_thread_set_priority() priorities: 0 (lowest) .. RB_PRIORITY_MAX.  A
 * task's threads go no higher than RB_PRIORITY_DEFAULT, where every task
 * starts: priorities order a task's own threads, and a task may step back,
 * but none takes the CPU from the others.  (Above it: the kernel's own
 * use, later a privilege a bundle line may grant.)
 */
#define RB_PRIORITY_MAX     7
#define RB_PRIORITY_DEFAULT 4   /* what the first thread of a task gets, and the most it may ask */

/* The most bytes one rb_random() gives, as getentropy() allows (POSIX). */
#define RB_RANDOM_MAX 256

/* rb_cpu_time_ns() subjects, and its resolution: one timer tick. */
#define RB_CPU_TASK   0   /* the calling task: all its threads, ended ones too */
#define RB_CPU_THREAD 1   /* the calling thread */
#define RB_CPU_TIME_RESOLUTION_NS 10000000
#define RB_CLOCK_TICKS_PER_SECOND 100   /* the same tick: times(), _SC_CLK_TCK */

/* rb_clock_gettime() clocks. */
#define RB_CLOCK_REALTIME  0   /* wall clock, ns since 1970-01-01 UTC */
#define RB_CLOCK_MONOTONIC 1   /* ns since boot, never goes back */

/* rb_futex_wait() flags. */
#define RB_FUTEX_DEADLINE 1    /* deadline_ns is a CLOCK_MONOTONIC time to give up at */
/* rb_futex_wake() count that wakes every waiter. */
#define RB_FUTEX_WAKE_ALL UINT32_MAX

/* rb_console_read() flags. */
#define RB_CONSOLE_NONBLOCK 1  /* return -EAGAIN instead of waiting for input */
/* The byte that ends console input, like a terminal's ^D (rb_console_read). */
#define RB_CONSOLE_EOF 0x04

/* rb_task_wait(): its flag, and the status of a killed task. */
/*
 * The largest image rb_task_spawn() takes (bytes): the kernel checks and
 * copies it with interrupts off, about 0.8 ms of guest time per MiB, so
 * one call stays under about 4 ms (docs/limits.md).
 */
#define RB_SPAWN_IMAGE_MAX (4ul << 20)
#define RB_TASK_NOHANG 1       /* return 0 instead of waiting when no child has ended */
#define RB_TASK_KILLED 0x100   /* the task was killed (rb_task_kill, a fault, a deadlock) */
/* rb_task_kill() flag. */
#define RB_TASK_PROBE  1       /* check that the task exists and may be killed; kill nothing */

/* Laid out like struct timespec on x86_64, so libc can pass its own. */
struct rb_timespec {
	int64_t tv_sec;
	long tv_nsec;          /* 0 .. 999999999 */
};

#endif
