/*
 * The thread control block (TCB): a thread's state, which shares one page
 * with its kernel stack (thread.c), and the table of thread ids.
 */
#ifndef TCB_H
#define TCB_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "list.h"
#include "idtable.h"
#include "lhash.h"
#include "arch/fpu.h"
#include "arch/layout.h"
#include "percpu.h"

struct task;
struct rb_utcb;

enum thread_state {
	THREAD_READY,		/* on a run queue, or running */
	THREAD_SLEEPING,	/* on the sleep wheel until wake_tick */
	THREAD_JOINING,		/* waiting for another thread of its task */
	THREAD_FUTEX,		/* in rb_futex_wait, maybe on the sleep wheel too */
	THREAD_IPC_SEND,	/* calling: queued on a port until received */
	THREAD_IPC_RECV,	/* waiting on a port for a caller */
	THREAD_IPC_REPLY,	/* received by a server thread, awaiting its reply */
	THREAD_CHILD_WAIT,	/* in rb_task_wait: on its task's child_waiters (process.c) */
	THREAD_INPUT,		/* in rb_console_read: waiting for a byte (console_input.c) */
	THREAD_ZOMBIE,		/* exited, waiting to be joined */
	THREAD_DEAD,		/* to be freed once nobody runs on its stack */
};

/*
 * A thread.  The control block and the thread's kernel stack share one
 * page (the original design: no kernel heap needed for threads):
 * the struct sits at the bottom, the stack grows down from the top.
 */
struct thread {
	uint64_t kernel_sp;		/* saved by context_switch */
	struct task *task;
	struct sched_task *share;	/* its family's fair share (task.h sched_share), where it queues when ready */
	uint64_t vdso_base;		/* its task's, kept here for the entry checks (vdso_traps.h) */
	long id;
	enum thread_state state;
	unsigned priority;		/* 0 (lowest) .. SCHED_PRIORITIES-1 */
	unsigned slice_left;		/* ticks before round robin moves on */
	struct cpu *cpu;		/* the CPU it runs on, or whose run queue it joins when ready (sched.c) */
	struct sched_queue *queues;	/* share's queues on that CPU, by priority (sched.c: set_cpu) */
	uint32_t affinity;		/* the CPUs it may run on: bit i, cpus[i] (rb_thread_set_affinity) */
	struct list run_link;		/* run queue, sleep wheel, port queue or reply list */
	struct list task_link;		/* the task's thread list */
	uint64_t wake_tick;		/* on the sleep wheel until this tick; 0 when not on it */
	uint64_t tls_base;		/* user TLS pointer (the arch loads it on a switch) */
	uint64_t utcb_base;		/* user UTCB pointer, likewise */
	int exit_status;
	uint64_t cpu_ns;		/* CPU time, cputime.h */
	struct thread *joiner;		/* a thread waiting in join for this one */
	struct lhash_node futex_node;	/* FUTEX: in the futex hash (futex.c) */
	uint64_t futex_addr;		/* FUTEX: the user address waited on */
	/* IPC (ipc.c); the UTCB is reached through the direct map. */
	struct rb_utcb *utcb;
	unsigned utcb_slot;		/* its index in the task's utcb_slots (utcb.c) */
	struct thread *ipc_server;	/* REPLY: the thread that received the call */
	struct list ipc_callers;	/* callers received by this thread, not yet replied */
	uint64_t ipc_badge;		/* SEND: badge of the handle called through */
	struct ipc_window {		/* the window of its last RB_TAG_WINDOW call (ipc_copy.h) */
		uint64_t base, length, rights;
	} ipc_window;
	struct fpu_state fpu;		/* user x87/SSE registers while switched out */
	uint64_t stack_canary;		/* last word below the stack */
};

/*
 * "Rbow" in memory, the upper half zero: a value that fits a sign-extended
 * 32-bit immediate, so each switch's check is one compare (a full 64-bit
 * constant costs a movabs more).  Neither a kernel address nor a small
 * number, which is what an overflowing stack writes.
 */
#define THREAD_STACK_CANARY 0x776f6252ull

/* Top of the thread's kernel stack (the end of its page). */
static inline uint64_t thread_stack_top(const struct thread *t)
{
	return (uint64_t)t + PAGE_SIZE;
}

/*
 * The thread running on this CPU (its struct cpu's, percpu.h): one load.
 * Not assignable: the scheduler sets cpu_this()->thread.
 */
#define current ((struct thread *)ARCH_CPU_FIELD(struct thread *const, offsetof(struct cpu, thread)))

/*
 * A thread of task (NULL: a kernel thread, the idle thread, which has id 0
 * and no id), in one page, with a fresh id; O(1).  NULL when no page is
 * left (the caller has charged the page to task first, task.c).
 */
struct thread *thread_alloc(struct task *task, unsigned priority);
void thread_free(struct thread *t);

/*
 * Thread ids: index + THREAD_IDS * generation, the index naming a record
 * of thread_ids (idtable.h) and the generation counting the index's
 * reuses, so a stale id never finds the index's next thread.
 */
#define THREAD_IDS IDTABLE_CAPACITY(0)
extern struct idtable thread_ids;

/* The live thread with this id, or NULL; O(1). */
static inline struct thread *thread_by_id(long id)
{
	uint64_t i = (uint64_t)id % THREAD_IDS;

	if (id <= 0 || i >= thread_ids.high)
		return NULL;
	struct thread *t = (struct thread *)*idtable_at(&thread_ids, i, 0);
	return (uint64_t)t & 1 || t->id != id ? NULL : t;
}
/* Make t start in user mode at entry, stack pointer sp, arg its first argument. */
void thread_start_user(struct thread *t, uint64_t entry, uint64_t sp, uint64_t arg);

#endif
