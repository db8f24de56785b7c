#ifndef TASK_H
#define TASK_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include "list.h"
#include "handle.h"
#include "idtable.h"
#include "sched_task.h"

#define TASK_NAME_MAX 32
/*
 * Tasks alive at once at most, zombies included: the reach of the task id
 * table (task.c).  Before that, memory stops them: each live task holds
 * its guarantee (memcharge.h), each zombie its record, charged to its
 * spawner (docs/limits.md).
 */
#define TASK_IDS IDTABLE_CAPACITY(0)
/*
 * Threads a task may hold at most, exited ones included until joined: the
 * UTCB slots its UTCB area has room for.  Before that, its memory limit
 * (memcharge.h) stops it: each thread is charged its control block, its
 * UTCB and their page tables (docs/limits.md).
 */
#define TASK_THREADS_MAX IDTABLE_CAPACITY(0)

/*
 * What a task's status keeps of exit()'s argument: the low 8 bits, as
 * POSIX passes to a waiting parent (exit(300) is 44, exit(-1) 255).
 */
#define TASK_STATUS_MASK 0xff

/* A task: an address space and the threads that run in it. */
struct task {
	long id;			/* 1 + its index in the task id table (task.c) */
	uint32_t incarnation;		/* how many tasks had this id before (task_create) */
	char name[TASK_NAME_MAX];
	uint64_t space;			/* vm.h address space */
	struct list threads;		/* every thread not yet freed */
	unsigned live_threads;		/* threads that have not exited */
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
	/* IPC: its live ports (port.c), handles (handle.c) and registry entries (names.c). */
	struct list ports;
	struct list names;
	unsigned handles_sent;		/* its calls' handles installed in others (handle.h) */
	/* Its threads' UTCB slots: records holding the thread (utcb.c). */
	struct idtable utcb_slots;
	/*
	 * Frames charged to it (memcharge.c): images, stack, anonymous memory,
	 * page tables, thread control blocks, UTCBs, id tables, and a page per
	 * page's worth of pooled objects (ports, names: object_bytes, objpool.c).
	 */
	uint64_t mem_pages;
	uint64_t object_bytes;
	uint64_t mem_limit;		/* pages it may be charged */
	uint64_t mem_promised;		/* of those, committed pages not yet touched */
	uint64_t mem_guarantee;		/* pages promised to it while it lives (a boot task's only) */
	/*
	 * Its family (memcharge.c): the boot task it descends from (itself for
	 * a boot task), whose guarantee covers the family's charges; its
	 * spawner, charged with it (NULL for a boot task); its charge with its
	 * live descendants', checked against its limit.
	 */
	struct task *mem_root;
	struct task *mem_spawner;
	uint64_t mem_family_pages;
	uint64_t stack_size;		/* bytes reserved for the main stack, below stack_top */
	uint64_t spare_table;		/* an emptied page table kept, charged (vm_unmap_range) */
	/* Where rb_mem_map without a hint starts looking (usermem.c). */
	uint64_t anon_next;
	/*
	 * Processes (process.c): the task that spawned it with rb_task_spawn
	 * (NULL for a boot module, or once that task ended), whether it was
	 * spawned, whether its record may go (ended, and its status collected
	 * or nobody left to collect it: task_release), its children (on
	 * children_running until they end, then on children_ended, through
	 * child_link) and its threads blocked in rb_task_wait.
	 */
	struct task *parent;
	bool spawned;
	bool released;
	/* Its bundle line's RAINBOW_SERVICE=1 (loader.c): it serves the other
	 * tasks, and ends when only services are left (bundle.c). */
	bool service;
	unsigned children;		/* spawned and not released: running, or zombies */
	struct list child_waiters;
	/*
	 * Ready threads, for round robin over families (sched.c): its own
	 * queues (a boot task's only: a page, per CPU and priority), and the
	 * ones its threads join: its own for a boot task, its spawner's share
	 * for a spawned one (task_create), so a family takes one share of each
	 * CPU.
	 */
	struct sched_task sched;
	/* Its children (process.c, above). */
	struct list children_running;
	struct list children_ended;
	struct list child_link;
	/*
	 * Its record (task.c): the task its record is charged to (its
	 * spawner, until it ends: process.c), and its place among the tasks
	 * that have not ended (alive_link) and among all records (all_link).
	 */
	struct task *record_owner;
	struct list alive_link;
	struct list all_link;
	/* Its handles (handle.c), with the IPC fields above. */
	struct handle_table handles;
	struct sched_task *sched_share;
};

struct thread;

/*
 * A task with an empty address space (placement drawn, vDSO mapped), its
 * record from the task pool charged to spawner (NULL: to no task, for a
 * boot module) and its id from the task id table, both O(1); a released
 * task's id is reused with one more incarnation.  NULL with *err -EAGAIN
 * (spawner's memory limit) or -ENOMEM (the machine).
 */
struct task *task_create(const char *name, struct task *spawner, long *err);
/* Free a task that never ran (its module was refused): undoes task_create. */
void task_free(struct task *t);
/*
 * A new ready thread of t starting at entry, its control block and UTCB
 * charged to t; O(1).  NULL with *err -EAGAIN at t's memory limit (or
 * TASK_THREADS_MAX), -ENOMEM when the machine is short.
 */
struct thread *task_spawn_thread(struct task *t, unsigned priority, uint64_t entry,
				 uint64_t sp, uint64_t arg, uint64_t tls_base, long *err);
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
/* t's thread with id tid, not yet freed (zombies too), or NULL; O(1). */
struct thread *task_find_thread(struct task *t, long tid);

/*
 * Task t's status is collected or nobody is left to collect it: its
 * record and id go back once its last thread is freed (at once for a
 * zombie); O(1).
 */
void task_release(struct task *t);


/* A task that has not ended yet (the oldest), or NULL; O(1). */
struct task *task_any_alive(void);

/* Marks t, alive, a service (RAINBOW_SERVICE=1: it ends when only services are left). */
void task_set_service(struct task *t);
/* Whether tasks are alive and every one of them is a service; O(1). */
bool task_only_services_alive(void);
/*
 * The task records not yet freed, in creation order: the first after
 * prev (NULL: the first), or NULL.  For the verdict at shutdown only
 * (bundle.c): the one walk over all tasks.
 */
struct task *task_next_record(const struct task *prev);

/* The task whose id is id, whose record is not freed yet; NULL for another id; O(1). */
struct task *task_by_id(long id);

/*
 * A task's key: its id in bits 0..31 and its incarnation's low 31 bits
 * above, so that a key names one task for good (a later task with the
 * same id has another incarnation) and is positive (rb_ipc_caller_task,
 * rb_task_alive).
 */
#define TASK_KEY_ID_MASK 0xffffffffl
static inline long task_key(const struct task *t)
{
	return (long)((uint64_t)(t->incarnation & 0x7fffffff) << 32 | (uint64_t)t->id);
}

#endif
