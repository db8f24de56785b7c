/*
 * Tasks: creation, thread membership, exit and reaping.  A task's
 * resources go back once its last thread is off the CPU; its exit status
 * stays for the bundle's verdict (bundle.c).
 *
 * Teardown has one verb per meaning, here and in the modules it calls:
 *   end      a task or thread stops for good (task_end, task_thread_exit);
 *            the end of a wait likewise (ipc_end_reply);
 *   cancel   a thread that is not running leaves every queue it waits in
 *            (ipc_thread_cancel), and the run queue (sched_unlink);
 *   ending   a module lets go of what it holds for a task that is ending
 *            (port_task_ending, names_task_ending, utcb_detach);
 *   reap     an ended thread nobody runs on is freed, with its task's
 *            address space when it was the last (task_reap_thread);
 *   destroy  a kernel object dies with what hangs on it: its waiters wake
 *            and its handles go stale (port_destroy), or its mappings go
 *            (vm_destroy);
 *   free     memory or a slot goes back (task_free, thread_free, pmm_free,
 *            free_space; handle_table_clear and idtable_free free a table).
 */
#include "task.h"
#include "tcb.h"
#include "sched.h"
#include "vm.h"
#include "vdso_map.h"
#include "log.h"
#include "ipc_path.h"
#include "utcb.h"
#include "names.h"
#include "futex.h"
#include "placement.h"
#include "memcharge.h"
#include "process.h"
#include <errno.h>
#include <string.h>

static struct task tasks[TASK_MAX];
static unsigned ntasks, alive;

/*
 * A released slot whose threads are all freed, else a new one; NULL when
 * every slot is taken.  A reused slot keeps its id and counts one more
 * incarnation, so that what still names the task that had it (a handle's
 * sender, handle.c) can tell the two apart; its ports were destroyed with
 * it, and their handles are stale by the ports' own generations.
 */
static struct task *take_slot(void)
{
	struct task *t = NULL;

	for (unsigned i = 0; i < ntasks && !t; i++)
		if (tasks[i].released && list_empty(&tasks[i].threads))
			t = &tasks[i];
	if (!t && ntasks == TASK_MAX)
		return NULL;
	if (!t) {
		t = &tasks[ntasks++];
		memset(t, 0, sizeof(*t));
		t->id = ntasks;
		return t;
	}
	long id = t->id;
	uint32_t incarnation = t->incarnation + 1;
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->incarnation = incarnation;
	return t;
}

struct task *task_create(const char *name)
{
	struct task *t = take_slot();
	if (!t)
		return NULL;
	list_init(&t->threads);
	t->released = true;	/* until it is made whole */
	t->space = vm_create();
	if (!t->space)
		return NULL;
	placement_choose(t);
	if (!vdso_map_into(t->space, t->vdso_base)) {
		vm_destroy(t->space);
		return NULL;
	}
	t->released = false;
	strncpy(t->name, name, sizeof(t->name) - 1);
	list_init(&t->child_waiters);
	list_init(&t->threads);
	list_init(&t->ports);
	list_init(&t->names);
	handle_table_init(&t->handles, t);
	t->utcb_slots = (struct idtable)IDTABLE_INIT(0);
	sched_task_init(&t->sched);
	t->sched_share = &t->sched;
	alive++;
	return t;
}

static void free_space(struct task *t)
{
	memcharge_task_end(t);
	vm_destroy(t->space);
	t->space = 0;
	idtable_free(&t->utcb_slots, t);
}

void task_free(struct task *t)
{
	free_space(t);
	t->released = true;	/* it never ran: its slot is free again */
	alive--;
}

struct thread *task_spawn_thread(struct task *t, unsigned priority, uint64_t entry,
				 uint64_t sp, uint64_t arg, uint64_t tls_base, long *err)
{
	*err = memcharge_take(t, 1);	/* the control block and kernel stack */
	if (*err)
		return NULL;
	struct thread *th = thread_alloc(t, priority);
	*err = th ? utcb_attach(th) : -ENOMEM;
	if (*err) {
		if (th)
			thread_free(th);
		memcharge_give(t, 1);
		return NULL;
	}
	th->tls_base = tls_base;
	th->vdso_base = t->vdso_base;
	thread_start_user(th, entry, sp, arg);
	list_push_back(&t->threads, &th->task_link);
	t->live_threads++;
	sched_make_ready(th);
	return th;
}

struct thread *task_find_thread(struct task *t, long tid)
{
	struct thread *th = thread_by_id(tid);

	return th && th->task == t ? th : NULL;
}

void task_reap_thread(struct thread *th)
{
	struct task *t = th->task;

	list_remove(&th->task_link);
	utcb_detach(th);
	thread_free(th);
	memcharge_give(t, 1);
	if (t->done && list_empty(&t->threads))
		free_space(t);
}

/* Take a thread that is not running off the run queue, every IPC queue and its futex queue. */
static void cancel_thread(struct thread *th)
{
	sched_unlink(th);
	ipc_thread_cancel(th);
	futex_thread_cancel(th);
}

void task_end(struct task *t, int status, bool killed)
{
	bool is_current = current->task == t;

	t->done = true;
	t->killed = killed;
	t->exit_status = status & TASK_STATUS_MASK;
	t->live_threads = 0;
	alive--;
	if (!killed && status == t->exit_status)
		klog("task %s exited: %d", t->name, status);
	else if (!killed)
		klog("task %s exited: %d (from exit(%d))", t->name, t->exit_status, status);
	names_task_ending(t);
	port_task_ending(t);
	process_task_ended(t);
	for (struct list *l = t->threads.next; l != &t->threads;) {
		struct thread *th = list_entry(l, struct thread, task_link);
		l = l->next;
		if (th == current)	/* reaped after the switch away */
			continue;
		cancel_thread(th);
		task_reap_thread(th);	/* the last one frees the address space */
	}
	if (!is_current)
		return;
	ipc_thread_cancel(current);
	sched_block(THREAD_DEAD);
	__builtin_unreachable();
}

_Noreturn void task_thread_exit(int status)
{
	struct task *t = current->task;

	if (t->live_threads == 1)
		task_end(t, status, false);
	t->live_threads--;
	current->exit_status = status;
	ipc_thread_cancel(current);
	if (current->joiner)
		sched_make_ready(current->joiner);
	sched_block(THREAD_ZOMBIE);
	__builtin_unreachable();
}

bool tasks_alive(void)
{
	return alive > 0;
}

unsigned task_count(void)
{
	return ntasks;
}

struct task *task_at(unsigned i)
{
	return &tasks[i];
}

struct task *task_by_id(long id)
{
	return id >= 1 && id <= (long)ntasks ? &tasks[id - 1] : NULL;
}
