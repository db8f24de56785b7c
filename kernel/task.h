#ifndef TASK_H
#define TASK_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include "list.h"
#include "handle.h"
#include "sched_task.h"

#define TASK_MAX 128
#define TASK_NAME_MAX 32
/* Threads a task may hold, exited ones included until joined (docs/limits.md). */
#define TASK_THREADS_MAX 128

/*
 * What a task's status keeps of exit()'s argument: the low 8 bits, as
 * POSIX passes to a waiting parent (exit(300) is 44, exit(-1) 255).
 */
#define TASK_STATUS_MASK 0xff

/* A task: an address space and the threads that run in it. */
struct task {
	long id;
	char name[TASK_NAME_MAX];
	uint64_t space;			/* vm.h address space */
	struct list threads;		/* every thread not yet freed */
	unsigned live_threads;		/* threads that have not exited */
	unsigned held_threads;		/* threads not yet freed: the limit's count */
	bool done;			/* exited or killed: status is final */
	bool killed;
	int exit_status;		/* exit()'s argument & TASK_STATUS_MASK */
	uint64_t cpu_ns;		/* CPU time of all its threads, cputime.h */
	/* The module the task was loaded from, to symbolize its faults. */
	const void *image;
	size_t image_size;
	uint64_t load_bias;
	/* Its placement (placement.c): the vDSO image (its data page one page below), the main stack's top, UTCB slot 0. */
	uint64_t vdso_base;
	uint64_t stack_top;
	uint64_t utcb_area;
	/* IPC: its ports and handles (port.c) and the threads' UTCB slots (utcb.c). */
	struct port ports[TASK_PORTS_MAX];
	struct handle_table handles;
	uint64_t utcb_slots_used[TASK_THREADS_MAX / 64];
	/* Frames charged to it: images, stack, anonymous memory, page tables (memcharge.c). */
	uint64_t mem_pages;
	uint64_t spare_table;		/* an emptied page table kept, charged (vm_unmap_range) */
	/* Where rb_mem_map without a hint starts looking (usermem.c). */
	uint64_t anon_next;
	/* Threads blocked in rb_futex_wait, oldest first (futex.c). */
	struct list futex_waiters;
	/* Its ready threads, for round robin over tasks (sched.c). */
	struct sched_task sched;
};

struct thread;

/* A task with an empty address space (placement drawn, vDSO mapped); NULL when out of resources. */
struct task *task_create(const char *name);
/* Free a task that never ran (its module was refused): undoes task_create. */
void task_free(struct task *t);
/* A new ready thread of t starting at entry; NULL when out of resources. */
struct thread *task_spawn_thread(struct task *t, unsigned priority, uint64_t entry,
				 uint64_t sp, uint64_t arg, uint64_t tls_base);
/* Thread exit: the last one out ends the task with its status. */
_Noreturn void task_thread_exit(int status);
/*
 * End the whole task (exit or kill) with status & TASK_STATUS_MASK; the log
 * shows the full status too when they differ.  Does not return if t is
 * current's.
 */
void task_end(struct task *t, int status, bool killed);
/*
 * Free an ended thread nobody runs on: a dead one after the switch away
 * (sched.c), a zombie once joined (thread_sys.c), or one its task's end
 * cancelled.  The last thread of an ended task takes the address space.
 */
void task_reap_thread(struct thread *th);
struct thread *task_find_thread(struct task *t, long tid);

/* Some task has not ended yet. */
bool tasks_alive(void);
/* Tasks ever created (ended ones included, for the verdict), and the i-th. */
unsigned task_count(void);
struct task *task_at(unsigned i);

#endif
