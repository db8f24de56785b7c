#ifndef SCHED_H
#define SCHED_H

#include <stdint.h>
#include "tcb.h"
#include "panic.h"
#include "arch/thread_arch.h"
#include <rainbow/types.h>

#include "sched_task.h"

#define SCHED_DEFAULT_PRIORITY RB_PRIORITY_DEFAULT
#define SCHED_SLICE_TICKS 2

/* Queues and the idle thread, before any thread is made ready. */
void sched_init(void);
/* Start scheduling, on the boot CPU, and let the other CPUs start; the caller's stack is abandoned. */
_Noreturn void sched_start(void);
void sched_make_ready(struct thread *t);
/*
 * Give the CPU to the next thread; current, a user thread, stays ready at
 * the back of its family's queue.  Returns 0, rb_yield's result, so that
 * sys_yield is a jump here.
 */
long sched_yield(void);
/* Current stops running until someone makes it ready (state says why). */
void sched_block(enum thread_state why);
/* This CPU's: bit p, a thread of priority p is ready on its queues (struct cpu). */
#define ready_mask ARCH_CPU_FIELD(unsigned, offsetof(struct cpu, rq_mask))
/* The tick or a wakeup asks this CPU for a switch (its struct cpu's, percpu.h). */
#define need_resched ARCH_CPU_FIELD(bool, offsetof(struct cpu, resched))

/* A word that may alias any other type: ready_or_resched reads three fields at once. */
typedef uint64_t __attribute__((may_alias)) sched_word;
_Static_assert(offsetof(struct cpu, resched) == offsetof(struct cpu, rq_mask) + 4 &&
	       offsetof(struct cpu, zero_pad) == offsetof(struct cpu, rq_mask) + 5 &&
	       SCHED_PRIORITIES <= 32, "rq_mask, resched and zero_pad make one word");
/*
 * This CPU's ready_mask (bits 0 to 31) and need_resched (bit 32) in one
 * load: zero when no thread is ready and no switch is due (the usual case
 * of an IPC partner's handoff, one test where the two took two), else
 * its highest bit is the highest ready priority, or 32 when a switch is due.
 */
#define ready_or_resched ARCH_CPU_FIELD(sched_word, offsetof(struct cpu, rq_mask))

/*
 * This CPU now runs next (its struct cpu's thread, current): one store.
 * No thread keeps the CPU running it; sched_running_cpu looks.
 */
static inline __attribute__((always_inline)) void sched_set_current(struct thread *next)
{
	ARCH_CPU_FIELD(struct thread *, offsetof(struct cpu, thread)) = next;
}
/*
 * The CPU whose current t is, or NULL: a look at each CPU's record (under
 * the kernel lock, where no CPU's current changes).
 */
struct cpu *sched_running_cpu(const struct thread *t);
/* Whether t runs on some CPU (is its current): with one CPU, a compare. */
static inline bool sched_running(const struct thread *t)
{
	return t == current || (cpu_count > 1 && sched_running_cpu(t));
}

/* No ready thread outranks t. */
static inline bool sched_would_choose(const struct thread *t)
{
	return !ready_mask || 31u - __builtin_clz(ready_mask) <= t->priority;
}
/*
 * Current has blocked: run next (which it woke) directly, keeping the
 * slice; or, when next may not run here (its affinity), wake it on its CPU.
 */
void sched_handoff(struct thread *next);
/*
 * Whether the IPC fastpath may hand the CPU from the current thread, which
 * blocks, to next: no switch is due, no ready thread outranks next, and
 * next is this CPU's.  A partner of another CPU takes the general path,
 * whose sched_handoff moves it here when its affinity allows (no call
 * here: the fastpath keeps its registers).
 */
static inline bool sched_may_hand_to(const struct thread *next)
{
	uint64_t due = ready_or_resched;

	return (!due || 63u - (unsigned)__builtin_clzll(due) <= next->priority) &&
	       next->cpu == cpu_this();
}

/*
 * The end of every IPC switch, from prev, the current thread, to next,
 * both in IPC (entered by SYSCALL): next runs, and returns to user mode
 * at once through its IPC frame.  Both are threads of tasks (kernel
 * threads never enter by SYSCALL): said to the compiler before the
 * switch, so that it drops the switch's case of a thread without a task
 * (arch_switch_to) and keeps nothing across its call.
 */
static inline __attribute__((always_inline)) _Noreturn void sched_ipc_run(struct thread *prev,
									   struct thread *next)
{
	if (!next->task)
		__builtin_unreachable();
	sched_set_current(next);
	arch_switch_to(prev, next);
	arch_ipc_switch_return(prev, next);
}

/*
 * sched_handoff for the IPC fastpath, once sched_may_hand_to(next) held,
 * both threads in IPC (entered by SYSCALL): next returns to user mode at
 * once through its IPC frame, keeping the time slice.  Never returns.
 */
static inline __attribute__((always_inline)) _Noreturn void sched_ipc_switch(struct thread *next)
{
	struct thread *prev = current;

	KASSERT(prev->stack_canary == THREAD_STACK_CANARY);
	next->state = THREAD_READY;
	next->slice_left = prev->slice_left;
	sched_ipc_run(prev, next);
}
/*
 * This CPU's thread the IPC fastpath preempted (sched_ipc_preempt), ready
 * but not on its queue yet (struct cpu rq_pending).  It is left so only
 * when no family is in line at its priority, and its priority's bit is
 * set in ready_mask; every operation on that CPU's queues first puts it on
 * its queue (sched.c: settle, settle_cpu from another CPU), none having run
 * since it was preempted, so its place is the one enqueue would have
 * given it then.  Until then its CPU's rq[its priority] stays empty, so a
 * pick would choose it exactly when no higher bit of ready_mask is set:
 * a contended IPC caller that blocks takes it straight back on that test
 * (sched_ipc_block), leaving the queues as enqueue then take_next would.
 */
#define sched_pending ARCH_CPU_FIELD(struct thread *, offsetof(struct cpu, rq_pending))

/*
 * The end of a switch to next, the scheduler's pick, from prev, the
 * current thread, blocked, both in IPC (next left by arch_ipc_switch_return):
 * next runs with a new time slice, straight through its IPC frame.
 */
static inline __attribute__((always_inline)) _Noreturn void sched_ipc_resume(struct thread *prev,
									      struct thread *next)
{
	KASSERT(prev->stack_canary == THREAD_STACK_CANARY);
	need_resched = false;
	next->slice_left = SCHED_SLICE_TICKS;
	sched_ipc_run(prev, next);
}
/* sched_ipc_block when no pending thread is the pick: the pick's, out of line (sched.c). */
void sched_ipc_block_pick(void);
/*
 * Current, in IPC (entered by SYSCALL), blocks (state why) and the
 * scheduler's pick runs: when the fastpath left that thread in IPC too
 * (arch_ipc_resumable), straight through its IPC frame to user mode
 * without unwinding any C frame, and this does not return; otherwise by
 * the ordinary switch, and this returns once current runs again.  Either
 * way current is resumable both ways while it waits.  Inline: the
 * contended call's case, the pending thread taken back, is a few
 * instructions of the IPC fastpath, with no call nor frame of its own.
 */
static inline __attribute__((always_inline)) void sched_ipc_block(enum thread_state why)
{
	struct thread *prev = current, *next = sched_pending;
	unsigned above;	/* ready_mask from the pending thread's priority up: 1, its bit alone */

	prev->state = why;
	if (next && (above = ready_mask >> next->priority) == 1) {
		/* The pick would choose the pending thread, which the fastpath left (see sched_pending). */
		sched_pending = NULL;
		ready_mask ^= above << next->priority;
		sched_ipc_resume(prev, next);
	}
	sched_ipc_block_pick();
}
/*
 * The IPC fastpath, once the current thread's operation is complete and
 * it woke next, which outranks it (sched_may_hand_to(next) held): the
 * current thread stays ready, resumable through its IPC frame (on its
 * queue, or pending off it until the next operation on the queues or a
 * blocking IPC caller takes it back: sched_pending), and next returns to user
 * mode at once.  Never returns.
 */
_Noreturn void sched_ipc_preempt(struct thread *next);
/*
 * A new thread's placement (thread_alloc): any online CPU, on the least
 * loaded (threads queued there, and the one running).
 */
void sched_thread_init(struct thread *t);
/* The online CPUs, bit i for cpus[i]: the mask an affinity is taken from. */
uint32_t sched_cpus_online(void);
/*
 * t may run on the CPUs of cpus_allowed (bit i, cpus[i]; some online one,
 * the caller checked, and the mask holds online ones only).  When its CPU
 * is not one of them it moves to the least loaded that is: at once if it
 * is ready, when woken if it is blocked, and if it runs, as that CPU
 * switches away from it (which is asked to, with a kick if it is another).
 */
void sched_set_affinity(struct thread *t, uint32_t cpus_allowed);
/*
 * Sleep for at least ns nanoseconds of clock_monotonic_ns(), what the
 * vDSO's clock reads: until the tick timer_tick_for gives, then again
 * for what is left while a late tick woke it early.
 */
void sched_sleep_ns(uint64_t ns);
/* Block current (state why) until the tick, or until someone makes it ready first. */
void sched_sleep_until(uint64_t tick, enum thread_state why);
/* Change a thread's priority, requeueing it; may ask for a switch. */
void sched_set_priority(struct thread *t, unsigned priority);
/* Take a thread that is not running off the run queue or sleep wheel. */
void sched_unlink(struct thread *t);
/* The machine's tick (the boot CPU's timer): sleepers due, then sched_tick_cpu. */
void sched_tick(void);
/* This CPU's part of a tick (every CPU's timer): CPU time, the time slice. */
void sched_tick_cpu(void);
/*
 * On another CPU, holding the kernel lock, once it is online: make its
 * run queues and idle thread, wait for sched_start, then run the idle
 * thread, which runs this CPU's ready threads, or takes another's.
 */
_Noreturn void sched_start_cpu(void);

/* On the way back to user mode: switch if the tick asked for it. */
static inline void sched_before_user_return(void)
{
	if (need_resched)
		sched_yield();
}
/* First thing a thread does after it is switched to (frees the dead). */
void sched_after_switch(void);

#endif
