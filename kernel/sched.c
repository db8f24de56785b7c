/*
 * The scheduler: strict priorities; within a priority, round robin over
 * the families (a boot task and the tasks it spawned, down the line) that
 * have a ready thread there, then over the family's ready threads
 * (sched_task.h), so that a family's share of the CPU does not grow with
 * its number of threads or of tasks.  One FIFO run queue of tasks per priority
 * and a bitmap of the non-empty ones: picking the next thread is O(1),
 * whatever the number of threads and tasks.  The running thread is not on
 * a queue.  The idle thread runs when nothing else can.
 */
#include "sched.h"
#include "task.h"
#include "bundle.h"
#include "cputime.h"
#include "timer.h"
#include "panic.h"
#include "arch/thread_arch.h"
#include "machine.h"
#include "sleep_wheel.h"
#include "smp.h"

static struct list run_queue[SCHED_PRIORITIES];	/* of struct sched_queue link */
unsigned ready_mask;			/* bit p: run_queue[p] is not empty, or pending is of priority p */
/* Per CPU (percpu.h), as current and need_resched are. */
#define idle ARCH_CPU_FIELD(struct thread *, offsetof(struct cpu, idle_thread))
#define dead_prev ARCH_CPU_FIELD(struct thread *, offsetof(struct cpu, dead_prev))

/*
 * A thread the IPC fastpath preempted (sched_ipc_preempt), ready but not
 * on its queue yet.  It is left so only when no family is in line at its
 * priority, and its priority's bit is set in ready_mask; every operation
 * on the queues first puts it on its queue (settle), none having run
 * since it was preempted, so its place is the one enqueue would have
 * given it then.  Until then run_queue[its priority] stays empty, so a
 * pick would choose it exactly when no higher bit of ready_mask is set:
 * a contended IPC caller that blocks takes it straight back on that test
 * (sched_ipc_block), leaving the queues as enqueue then take_next would.
 */
static struct thread *pending;

void sched_task_init(struct sched_task *s)
{
	for (unsigned p = 0; p < SCHED_PRIORITIES; p++) {
		list_init(&s->queue[p].ready);
		s->queue[p].link.next = NULL;
	}
}

/* t, ready (not current, not idle), joins the back of its family's queue. */
static inline __attribute__((always_inline)) void link_ready(struct thread *t)
{
	unsigned p = t->priority;
	struct sched_queue *q = &t->share->queue[p];

	if (list_empty(&q->ready))
		list_push_back(&run_queue[p], &q->link);
	list_push_back(&q->ready, &t->run_link);
	ready_mask |= 1u << p;
}

static __attribute__((noinline, cold)) void settle_pending(void)
{
	link_ready(pending);
	pending = NULL;
}

/*
 * The pending thread on its queue, before any other operation on the
 * queues.  Out of line: the test is all its callers carry.
 */
static inline __attribute__((always_inline)) void settle(void)
{
	if (__builtin_expect(pending != NULL, 0))
		settle_pending();
}

/* A ready thread (not current, not idle) joins the back of its family's queue. */
static inline __attribute__((always_inline)) void enqueue(struct thread *t)
{
	settle();
	link_ready(t);
}

/* enqueue(t) when a thread is pending: sched_make_ready jumps here, keeping no frame. */
static __attribute__((noinline, cold)) void settle_then_enqueue(struct thread *t)
{
	settle_pending();
	link_ready(t);
}

/*
 * t was just made ready and this CPU does not take it at once: ask
 * another to, an idle one, else the one running the lowest priority below
 * t's (which then switches at its next return to user mode).
 */
static void kick_for(const struct thread *t)
{
	struct cpu *me = cpu_this(), *best = NULL;

	for (unsigned i = 0; i < cpu_count; i++) {
		struct cpu *c = &cpus[i];
		if (c == me || !c->idle_thread)	/* not scheduling (yet) */
			continue;
		if (c->thread == c->idle_thread) {
			best = c;
			break;
		}
		if (c->thread->priority < t->priority &&
		    (!best || c->thread->priority < best->thread->priority))
			best = c;
	}
	if (best) {
		best->resched = true;
		smp_kick(best);
	}
}

/*
 * t, ready and not running, joins the run queue; returns whether this CPU
 * takes it (it outranks current, or current is the idle thread: a switch
 * is asked for).
 */
static inline __attribute__((always_inline)) bool enqueue_ready(struct thread *t)
{
	bool here = t->priority > current->priority || current == idle;

	if (here)
		need_resched = true;
	if (__builtin_expect(pending != NULL, 0))
		settle_then_enqueue(t);
	else
		link_ready(t);
	return here;
}

/* sched_make_ready with more than one CPU: t may run on another, or another may take it. */
static __attribute__((noinline)) void make_ready_shared(struct thread *t)
{
	if (sched_running_cpu(t))
		return;
	if (!enqueue_ready(t))
		kick_for(t);	/* it looks once this CPU gives the kernel lock back */
}

void sched_make_ready(struct thread *t)
{
	t->state = THREAD_READY;
	if (!t->task || t == current)	/* an idle thread, or running here */
		return;
	if (__builtin_expect(cpu_count > 1, 0))
		make_ready_shared(t);
	else
		enqueue_ready(t);
}

/* q has no ready thread left: out of the run queue of priority p. */
static inline void queue_emptied(struct sched_queue *q, unsigned p)
{
	list_remove(&q->link);
	if (list_empty(&run_queue[p]))
		ready_mask &= ~(1u << p);
}

void sched_unlink(struct thread *t)
{
	settle();
	if (!list_linked(&t->run_link))
		return;
	if (t->wake_tick) {
		sleep_wheel_remove(t);
		return;
	}
	list_remove(&t->run_link);
	if (t->state != THREAD_READY)
		return;
	struct sched_queue *q = &t->share->queue[t->priority];
	if (list_empty(&q->ready))
		queue_emptied(q, t->priority);
}

/*
 * The first family in line at the highest ready priority gives its oldest
 * ready thread, and goes to the back of the line if it has more.  Inline:
 * it is the pick of every switch but the IPC handoffs and the yield's
 * shortcut (a contended IPC call blocks through it).
 */
static inline __attribute__((always_inline)) struct thread *take_next(void)
{
	settle();
	if (!ready_mask)
		return idle;
	unsigned p = 31u - (unsigned)__builtin_clz(ready_mask);
	struct list *line = &run_queue[p];
	struct sched_queue *q = list_entry(line->next, struct sched_queue, link);
	struct list *oldest = q->ready.next;	/* q is in line: not empty */

	list_remove(oldest);
	if (list_empty(&q->ready)) {
		queue_emptied(q, p);
	} else if (q->link.next != line) {
		list_remove(&q->link);
		list_push_back(line, &q->link);
	}
	return list_entry(oldest, struct thread, run_link);
}

/*
 * The start of every switch, next to run with slice ticks: the canary of
 * the stack being left, and no switch due any more.
 */
static inline __attribute__((always_inline)) void prepare_run(const struct thread *prev,
							       struct thread *next, unsigned slice)
{
	KASSERT(prev->stack_canary == THREAD_STACK_CANARY);
	need_resched = false;
	next->slice_left = slice;
}

/* From prev, which is current, to next, another thread; returns when prev runs again. */
static inline __attribute__((always_inline)) void switch_threads(struct thread *prev,
								  struct thread *next)
{
	sched_set_current(next);
	arch_switch_to(prev, next);
	context_switch(&prev->kernel_sp, next->kernel_sp);
	sched_after_switch();
}

/*
 * Inlined into the handoff and the reschedule (the IPC round trip goes
 * through it twice).  The previous thread is remembered only when dead,
 * for the next thread to free it after the switch.
 */
static inline __attribute__((always_inline)) void switch_to(struct thread *next, unsigned slice)
{
	struct thread *prev = current;

	prepare_run(prev, next, slice);
	if (next == prev)
		return;
	if (prev->state == THREAD_DEAD)
		dead_prev = prev;
	switch_threads(prev, next);
}

/*
 * Current gives up the CPU, and is not ready (it blocked, or died), or is
 * the idle thread (which is never queued): every caller but sched_yield.
 */
static void reschedule(void)
{
	switch_to(take_next(), SCHED_SLICE_TICKS);
}

/*
 * Lazy scheduling: IPC hands the CPU straight from the blocked current to
 * the partner it woke, without the run queue.  The partner inherits what
 * is left of the time slice, so a pair calling each other cannot starve
 * the threads queued behind them; when the slice is over, or another
 * thread outranks the partner, the ordinary path decides instead.
 */
void sched_handoff(struct thread *next)
{
	KASSERT(current->state != THREAD_READY);
	if (need_resched || !sched_would_choose(next)) {
		sched_make_ready(next);
		reschedule();
		return;
	}
	next->state = THREAD_READY;
	switch_to(next, current->slice_left);
}

void sched_ipc_preempt(struct thread *next)
{
	struct thread *prev = current;

	KASSERT(prev->stack_canary == THREAD_STACK_CANARY);
	/* prev, running, is THREAD_READY already. */
	settle();
	if (list_empty(&run_queue[prev->priority])) {
		pending = prev;
		ready_mask |= 1u << prev->priority;
	} else {
		link_ready(prev);
	}
	next->state = THREAD_READY;
	next->slice_left = SCHED_SLICE_TICKS;
	sched_ipc_run(prev, next);
}

void sched_ipc_block(enum thread_state why)
{
	struct thread *prev = current, *next = pending;

	prev->state = why;
	if (next && (ready_mask >> next->priority) == 1) {
		/* The pick would choose the pending thread, which the fastpath left (see pending). */
		pending = NULL;
		ready_mask &= ~(1u << next->priority);
	} else {
		next = take_next();
		if (!arch_ipc_resumable(next)) {
			switch_to(next, SCHED_SLICE_TICKS);
			return;
		}
	}
	KASSERT(prev->stack_canary == THREAD_STACK_CANARY);
	need_resched = false;
	next->slice_left = SCHED_SLICE_TICKS;
	sched_ipc_run(prev, next);
}

void sched_set_priority(struct thread *t, unsigned priority)
{
	bool queued = t->state == THREAD_READY && !sched_running(t);

	if (queued)
		sched_unlink(t);
	t->priority = priority;
	if (queued)
		sched_make_ready(t);
	else if (t == current && !sched_would_choose(t))
		need_resched = true;
}

/*
 * The yielding current goes to the back of its family's queue, and the
 * next thread is picked.  When its family is the only one in line at the
 * highest ready priority, the pick is that queue's oldest thread, and the
 * line itself does not change: the same result as enqueue() then
 * take_next(), in half the instructions (rb_yield between threads of one
 * task).  A pending thread needs no settling for that test: above this
 * priority it fails the mask test, at it the line is empty (so this
 * family is not in line), below it it is not what is picked.
 */
static inline __attribute__((always_inline)) struct thread *requeue_current(void)
{
	unsigned p = current->priority;
	struct sched_queue *q = &current->share->queue[p];

	if ((ready_mask >> p) == 1 && run_queue[p].next == &q->link &&
	    q->link.next == &run_queue[p]) {
		struct thread *t = list_entry(q->ready.next, struct thread, run_link);
		list_remove(&t->run_link);
		list_push_back(&q->ready, &current->run_link);
		return t;
	}
	enqueue(current);
	return take_next();
}

long sched_yield(void)
{
	struct thread *prev = current, *next = requeue_current();

	prepare_run(prev, next, SCHED_SLICE_TICKS);
	if (next != prev)
		switch_threads(prev, next);	/* a ready current is never dead */
	return 0;
}

void sched_block(enum thread_state why)
{
	current->state = why;
	reschedule();
}

void sched_sleep_until(uint64_t tick, enum thread_state why)
{
	sleep_wheel_add(current, tick);
	sched_block(why);
}

void sched_sleep(uint64_t ticks)
{
	sched_sleep_until(timer_ticks() + (ticks ? ticks : 1), THREAD_SLEEPING);
}

void sched_tick(void)
{
	for (struct thread *t; (t = sleep_wheel_take_due(timer_ticks()));)
		sched_make_ready(t);
	sched_tick_cpu();
}

void sched_tick_cpu(void)
{
	cpu_this()->ticks++;
	if (current != idle) {
		cpu_this()->busy_ticks++;
		cputime_charge_tick(current);
	}
	if (current != idle && current->slice_left && --current->slice_left == 0)
		need_resched = true;
}

void sched_after_switch(void)
{
	struct thread *prev = dead_prev;

	if (prev) {
		dead_prev = NULL;
		task_reap_thread(prev);
	}
}

struct cpu *sched_running_cpu(const struct thread *t)
{
	for (unsigned i = 0; i < cpu_count; i++)
		if (cpus[i].thread == t)
			return &cpus[i];
	return NULL;
}

/* Whether another CPU runs a thread (not its idle one). */
static bool others_running(void)
{
	for (unsigned i = 0; i < cpu_count; i++)
		if (&cpus[i] != cpu_this() && cpus[i].thread != cpus[i].idle_thread)
			return true;
	return false;
}

/*
 * The idle thread: halt until an interrupt makes something ready.  Whether
 * the bundle is over, or stuck, is not the scheduler's call: it tells
 * bundle_check whether anything can still run, and runs what is ready.
 */
static _Noreturn void idle_main(void)
{
	sched_after_switch();
	for (;;) {
		bundle_check(ready_mask || !sleep_wheel_empty() || others_running());
		if (ready_mask)
			reschedule();
		else
			machine_wait_for_interrupt();
	}
}

static volatile bool started;	/* sched_start ran: the other CPUs may schedule too */

/* This CPU's idle thread, its current until it runs another. */
static void make_idle(void)
{
	struct thread *t = thread_alloc(NULL, 0);

	if (!t)
		panic("no memory for an idle thread");
	thread_start_kernel(t, idle_main);
	idle = t;
	sched_set_current(t);
}

void sched_init(void)
{
	for (unsigned p = 0; p < SCHED_PRIORITIES; p++)
		list_init(&run_queue[p]);
	sleep_wheel_init();
	make_idle();
}

static _Noreturn void run_idle(void)
{
	uint64_t discarded_sp;

	arch_switch_to(NULL, idle);
	context_switch(&discarded_sp, idle->kernel_sp);
	__builtin_unreachable();
}

_Noreturn void sched_start(void)
{
	started = true;
	for (unsigned i = 1; i < cpu_count; i++)
		if (cpus[i].online)
			smp_kick(&cpus[i]);
	run_idle();
}

_Noreturn void sched_start_cpu(void)
{
	make_idle();
	while (!started)
		machine_wait_for_interrupt();
	run_idle();
}
