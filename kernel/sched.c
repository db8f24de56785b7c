/*
 * The scheduler: strict priorities; within a priority, round robin over
 * the families (a boot task and the tasks it spawned, down the line) that
 * have a ready thread there, then over the family's ready threads
 * (sched_task.h), so that a family's share of the CPU does not grow with
 * its number of threads or of tasks.  Each CPU has its own: one FIFO run
 * queue of families per priority and a bitmap of the non-empty ones
 * (struct cpu), so picking the next thread is O(1), whatever the number
 * of threads, tasks and CPUs.  The running thread is not on a queue.  The
 * idle thread runs when nothing else can; then it takes a ready thread
 * from the busiest CPU (steal).
 *
 * A thread's cpu is the CPU that runs it, or whose queues it joins when
 * ready; its affinity, the CPUs it may run on.  A new thread goes to the
 * least loaded CPU it may run on (sched_thread_init); it stays on its CPU
 * until an idle CPU takes it, an IPC direct switch runs it on the
 * caller's CPU (may_run_here) or its affinity moves it.
 */
#include "sched.h"
#include "task.h"
#include "bundle.h"
#include "cputime.h"
#include "timer.h"
#include "clock.h"
#include "panic.h"
#include "arch/thread_arch.h"
#include "machine.h"
#include "sleep_wheel.h"
#include "smp.h"
#include "pmm.h"
#include "phys.h"

/* Per CPU (percpu.h), as current and need_resched are. */
#define idle ARCH_CPU_FIELD(struct thread *, offsetof(struct cpu, idle_thread))
#define dead_prev ARCH_CPU_FIELD(struct thread *, offsetof(struct cpu, dead_prev))

_Static_assert(sizeof(struct sched_queue[CPU_MAX][SCHED_PRIORITIES]) <= PAGE_SIZE,
	       "a family's queues fit in a page");

bool sched_task_init(struct sched_task *s)
{
	uint64_t frame = pmm_alloc();

	if (!frame)
		return false;
	s->queue = phys_to_virt(frame);
	for (unsigned c = 0; c < CPU_MAX; c++)
		for (unsigned p = 0; p < SCHED_PRIORITIES; p++) {
			list_init(&s->queue[c][p].ready);
			s->queue[c][p].link.next = NULL;
		}
	return true;
}

/* t now runs on c, or joins c's queues when ready. */
static void set_cpu(struct thread *t, struct cpu *c)
{
	t->cpu = c;
	t->queues = t->share ? t->share->queue[c->index] : NULL;
}

/* t, ready (not idle), joins the back of its family's queue on its CPU. */
static inline __attribute__((always_inline)) void link_ready(struct thread *t)
{
	struct cpu *c = t->cpu;
	unsigned p = t->priority;
	struct sched_queue *q = &t->queues[p];

	if (list_empty(&q->ready))
		list_push_back(&c->rq[p], &q->link);
	list_push_back(&q->ready, &t->run_link);
	c->rq_mask |= 1u << p;
	c->rq_count++;
}

/* CPU c's pending thread on its queue. */
static __attribute__((noinline, cold)) void settle_cpu(struct cpu *c)
{
	if (c->rq_pending) {
		link_ready(c->rq_pending);
		c->rq_pending = NULL;
	}
}

static __attribute__((noinline, cold)) void settle_pending(void)
{
	settle_cpu(cpu_this());
}

/*
 * The pending thread on its queue, before any other operation on the
 * queues.  Out of line: the test is all its callers carry.
 */
static inline __attribute__((always_inline)) void settle(void)
{
	if (__builtin_expect(sched_pending != NULL, 0))
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

/* Whether cpu c (scheduling) runs its idle thread. */
static bool cpu_idle(const struct cpu *c)
{
	return c->thread == c->idle_thread;
}

/* Whether t's affinity allows CPU c, which schedules (has its idle thread). */
static bool allows(const struct thread *t, const struct cpu *c)
{
	return (t->affinity >> c->index & 1) && c->idle_thread;
}

/*
 * t was just queued on a CPU that does not take it at once: an idle CPU
 * its affinity allows is interrupted, and takes it (steal), once this
 * CPU gives the kernel lock back.
 */
static void kick_idle_for(const struct thread *t)
{
	for (unsigned i = 0; i < cpu_count; i++) {
		struct cpu *c = &cpus[i];
		if (c != cpu_this() && allows(t, c) && cpu_idle(c)) {
			smp_kick(c);
			return;
		}
	}
}

/*
 * t, ready, joins the queues of its CPU, another one: that CPU is kicked
 * to switch when it is idle or runs a lower priority, else an idle one to
 * take t.
 */
static __attribute__((noinline)) void queue_elsewhere(struct thread *t)
{
	struct cpu *c = t->cpu;

	settle_cpu(c);
	link_ready(t);
	if (cpu_idle(c) || t->priority > c->thread->priority) {
		c->resched = true;
		smp_kick(c);
	} else {
		kick_idle_for(t);
	}
}

/* t, ready, of this CPU and not running: joins its queue, and asks for a switch when it outranks current. */
static inline __attribute__((always_inline)) void enqueue_here(struct thread *t)
{
	if (t->priority > current->priority || current == idle)
		need_resched = true;
	if (__builtin_expect(sched_pending != NULL, 0))
		settle_then_enqueue(t);
	else
		link_ready(t);
}

/* sched_make_ready with more than one CPU: t may run on another, or belong to another. */
static __attribute__((noinline)) void make_ready_shared(struct thread *t)
{
	if (sched_running_cpu(t))
		return;
	if (t->cpu != cpu_this()) {
		queue_elsewhere(t);
		return;
	}
	if (t->priority <= current->priority && current != idle)
		kick_idle_for(t);
	enqueue_here(t);
}

void sched_make_ready(struct thread *t)
{
	t->state = THREAD_READY;
	if (!t->task || t == current)	/* an idle thread, or running here */
		return;
	if (__builtin_expect(cpu_count > 1, 0))
		make_ready_shared(t);
	else
		enqueue_here(t);
}

/* q, on CPU c, has no ready thread left: out of c's run queue of priority p. */
static inline void queue_emptied(struct cpu *c, struct sched_queue *q, unsigned p)
{
	list_remove(&q->link);
	if (list_empty(&c->rq[p]))
		c->rq_mask &= ~(1u << p);
}

/* t, ready and on its CPU's queue, leaves it. */
static void unlink_ready(struct thread *t)
{
	struct cpu *c = t->cpu;
	struct sched_queue *q = &t->queues[t->priority];

	list_remove(&t->run_link);
	c->rq_count--;
	if (list_empty(&q->ready))
		queue_emptied(c, q, t->priority);
}

void sched_unlink(struct thread *t)
{
	if (t->cpu && t->cpu->rq_pending)
		settle_cpu(t->cpu);
	if (!list_linked(&t->run_link))
		return;
	if (t->wake_tick) {
		sleep_wheel_remove(t);
		return;
	}
	if (t->state == THREAD_READY)
		unlink_ready(t);
	else
		list_remove(&t->run_link);
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
	struct cpu *c = cpu_this();
	unsigned p = 31u - (unsigned)__builtin_clz(c->rq_mask);
	struct list *line = &c->rq[p];
	struct sched_queue *q = list_entry(line->next, struct sched_queue, link);
	struct list *oldest = q->ready.next;	/* q is in line: not empty */

	list_remove(oldest);
	c->rq_count--;
	if (list_empty(&q->ready)) {
		queue_emptied(c, q, p);
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
 * next, blocked, runs on this CPU if it is switched to now: it is this
 * CPU's already, else its affinity allows this CPU and it becomes this
 * CPU's (false, and nothing changes, if not).
 */
static bool may_run_here(struct thread *next)
{
	if (next->cpu == cpu_this())
		return true;
	if (!(next->affinity >> cpu_this()->index & 1))
		return false;
	set_cpu(next, cpu_this());
	return true;
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
	if (need_resched || !sched_would_choose(next) || !may_run_here(next)) {
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
	/* Settled, no thread is pending: bit p of ready_mask says whether rq[p] holds a family. */
	unsigned bit = 1u << prev->priority;
	if (__builtin_expect(prev->cpu != cpu_this(), 0)) {
		queue_elsewhere(prev);	/* its affinity moved it */
	} else if (!(ready_mask & bit)) {
		sched_pending = prev;
		ready_mask |= bit;
	} else {
		link_ready(prev);
	}
	next->state = THREAD_READY;
	next->slice_left = SCHED_SLICE_TICKS;
	sched_ipc_run(prev, next);
}

void sched_ipc_block_pick(void)
{
	struct thread *prev = current, *next = take_next();

	if (!arch_ipc_resumable(next)) {
		switch_to(next, SCHED_SLICE_TICKS);
		return;
	}
	sched_ipc_resume(prev, next);
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
	struct cpu *c = cpu_this();
	struct sched_queue *q = &current->queues[p];

	/* q is in this CPU's line only if current is this CPU's (not moved by its affinity). */
	if ((c->rq_mask >> p) == 1 && c->rq[p].next == &q->link &&
	    q->link.next == &c->rq[p]) {
		struct thread *t = list_entry(q->ready.next, struct thread, run_link);
		list_remove(&t->run_link);
		list_push_back(&q->ready, &current->run_link);
		return t;
	}
	if (__builtin_expect(current->cpu != c, 0))
		queue_elsewhere(current);	/* its affinity moved it */
	else
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

void sched_sleep_ns(uint64_t ns)
{
	uint64_t now = clock_monotonic_ns();
	uint64_t deadline = ns < UINT64_MAX - now ? now + ns : UINT64_MAX;

	do
		sched_sleep_until(timer_tick_for(deadline), THREAD_SLEEPING);
	while (clock_monotonic_ns() < deadline);
}

void sched_tick(void)
{
	for (struct thread *t; (t = sleep_wheel_take_due(timer_ticks()));)
		sched_make_ready(t);
	if (cpu_count > 1)
		smp_share_turns(timer_ticks());
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

/* Whether another CPU runs a thread (not its idle one), or any has one ready. */
static bool others_busy(void)
{
	for (unsigned i = 0; i < cpu_count; i++)
		if (cpus[i].rq_mask ||
		    (&cpus[i] != cpu_this() && cpus[i].thread != cpus[i].idle_thread))
			return true;
	return false;
}

/*
 * For this CPU, which has nothing to run: of the busiest CPU (the most
 * threads on its queues) that has one this CPU may run, the ready thread
 * its own pick would reach first (highest priority, first family in line,
 * its oldest), taken off that CPU; NULL if none.  O(ready threads): an
 * idle CPU's search, never a pick's.
 */
static struct thread *steal(void)
{
	struct cpu *me = cpu_this();
	struct thread *best = NULL;

	for (unsigned i = 0; i < cpu_count; i++) {
		struct cpu *c = &cpus[i];
		if (c == me || !c->idle_thread || (best && c->rq_count <= best->cpu->rq_count))
			continue;
		settle_cpu(c);
		struct thread *found = NULL;
		for (int p = SCHED_PRIORITIES - 1; p >= 0 && !found; p--) {
			const struct list *line = &c->rq[p];
			for (struct list *fl = line->next; fl != line && !found; fl = fl->next) {
				struct sched_queue *q = list_entry(fl, struct sched_queue, link);
				for (struct list *tl = q->ready.next; tl != &q->ready && !found; tl = tl->next)
					if (allows(list_entry(tl, struct thread, run_link), me))
						found = list_entry(tl, struct thread, run_link);
			}
		}
		if (found)
			best = found;
	}
	if (best) {
		unlink_ready(best);
		set_cpu(best, me);
	}
	return best;
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
		bundle_check(ready_mask || !sleep_wheel_empty() || others_busy());
		struct thread *t;
		if (ready_mask)
			reschedule();
		else if (cpu_count > 1 && (t = steal()))
			switch_to(t, SCHED_SLICE_TICKS);
		else
			machine_wait_for_interrupt();
	}
}

static volatile bool started;	/* sched_start ran: the other CPUs may schedule too */

/*
 * This CPU's empty run queues and its idle thread, its current until it
 * runs another; only then may threads be placed on it (allows).
 */
static void make_idle(void)
{
	for (unsigned p = 0; p < SCHED_PRIORITIES; p++)
		list_init(&cpu_this()->rq[p]);
	struct thread *t = thread_alloc(NULL, 0);

	if (!t)
		panic("no memory for an idle thread");
	thread_start_kernel(t, idle_main);
	set_cpu(t, cpu_this());
	idle = t;
	sched_set_current(t);
}

void sched_init(void)
{
	sleep_wheel_init();
	make_idle();
}

uint32_t sched_cpus_online(void)
{
	uint32_t mask = 0;

	for (unsigned i = 0; i < cpu_count; i++)
		if (cpus[i].online)
			mask |= 1u << i;
	return mask;
}

/* A CPU's load: the threads on its queues, and the one it runs. */
static unsigned load(const struct cpu *c)
{
	return c->rq_count + !cpu_idle(c);
}

/* Of the CPUs t may run on, the least loaded (the first of equals); this one if none schedules yet. */
static struct cpu *least_loaded(const struct thread *t)
{
	struct cpu *best = NULL;

	for (unsigned i = 0; i < cpu_count; i++)
		if (allows(t, &cpus[i]) && (!best || load(&cpus[i]) < load(best)))
			best = &cpus[i];
	return best ? best : cpu_this();
}

void sched_thread_init(struct thread *t)
{
	t->affinity = sched_cpus_online();
	set_cpu(t, least_loaded(t));
}


void sched_set_affinity(struct thread *t, uint32_t cpus_allowed)
{
	t->affinity = cpus_allowed;
	if (allows(t, t->cpu))
		return;
	struct cpu *to = least_loaded(t), *running = sched_running_cpu(t);

	if (running) {
		set_cpu(t, to);	/* it joins to's queues as it is switched away (requeue_current) */
		running->resched = true;
		if (running != cpu_this())
			smp_kick(running);
	} else if (t->state == THREAD_READY) {
		sched_unlink(t);
		set_cpu(t, to);
		sched_make_ready(t);
	} else {
		set_cpu(t, to);	/* blocked: it joins to's queues when woken */
	}
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
