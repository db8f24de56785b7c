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
#include "smp.h"
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
#include "objpool.h"
#include <errno.h>
#include <string.h>

/*
 * Task records come from a pool (objpool.h), each charged to its spawner
 * while the spawner lives (a boot module's, and an orphan's, to no task),
 * and a task's id is 1 + its index in the kernel's task id table
 * (idtable.h), whose free list makes a released id the next one handed
 * out, with one more incarnation (the table's generation).
 */
static struct objpool records = OBJPOOL_INIT(records, struct task, true);	/* stale ids may still reach a record */
static struct idtable ids = IDTABLE_INIT(0);
/* Tasks that have not ended (alive_link), and every record not freed (all_link). */
static struct list alive_tasks = { &alive_tasks, &alive_tasks };
/* How many tasks are on alive_tasks, and how many of those are services. */
static unsigned alive_count, alive_services;

static void add_alive(struct task *t)
{
	list_push_back(&alive_tasks, &t->alive_link);
	alive_count++;
}

static void remove_alive(struct task *t)
{
	list_remove(&t->alive_link);
	alive_count--;
	if (t->service)
		alive_services--;
}
static struct list all_tasks = { &all_tasks, &all_tasks };

/* Gives t's id and record back: its id may name a later task, a stale handle tells them apart by incarnation. */
static void free_record(struct task *t)
{
	list_remove(&t->all_link);
	idtable_give(&ids, (uint32_t)(t->id - 1), t->incarnation + 1);
	objpool_give(&records, t->record_owner, t);
}

struct task *task_create(const char *name, struct task *spawner, long *err)
{
	uint32_t incarnation;
	struct task *t = objpool_take(&records, spawner, err);
	if (!t)
		return NULL;
	long i = idtable_take(&ids, NULL, &incarnation);	/* -EAGAIN past TASK_IDS */
	if (i < 0) {
		objpool_give(&records, spawner, t);
		*err = i;
		return NULL;
	}
	memset(t, 0, sizeof(*t));
	t->id = i + 1;
	t->incarnation = incarnation;
	t->record_owner = spawner;
	*idtable_record(&ids, (uint64_t)i) = (uint64_t)t;
	list_push_back(&all_tasks, &t->all_link);
	t->space = vm_create();
	if (t->space)
		placement_choose(t);
	if (t->space && !vdso_map_into(t->space, t->vdso_base)) {
		vm_destroy(t->space);
		t->space = 0;
	}
	if (t->space && !spawner && !sched_task_init(&t->sched)) {
		vm_destroy(t->space);
		t->space = 0;
	}
	if (!t->space) {
		free_record(t);
		*err = -ENOMEM;
		return NULL;
	}
	strncpy(t->name, name, sizeof(t->name) - 1);
	list_init(&t->child_waiters);
	list_init(&t->children_running);
	list_init(&t->children_ended);
	list_init(&t->threads);
	list_init(&t->ports);
	list_init(&t->names);
	handle_table_init(&t->handles, t);
	t->utcb_slots = (struct idtable)IDTABLE_INIT(0);
	/* One CPU share per family (sched.c): a spawned task queues in its spawner's. */
	t->sched_share = spawner ? spawner->sched_share : &t->sched;
	add_alive(t);
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
	remove_alive(t);
	free_record(t);
}

void task_release(struct task *t)
{
	t->released = true;
	if (list_empty(&t->threads))
		free_record(t);
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
	if (!t->done || !list_empty(&t->threads))
		return;
	free_space(t);
	if (t->released)
		free_record(t);
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
	remove_alive(t);
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
		struct cpu *elsewhere = sched_running_cpu(th);
		if (elsewhere) {	/* running on another CPU: it switches away at its next entry */
			th->state = THREAD_DEAD;
			smp_kick(elsewhere);
			continue;
		}
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

void task_set_service(struct task *t)
{
	t->service = true;
	alive_services++;
}

bool task_only_services_alive(void)
{
	return alive_count && alive_count == alive_services;
}

struct task *task_any_alive(void)
{
	return list_empty(&alive_tasks) ? NULL : list_entry(alive_tasks.next, struct task, alive_link);
}

struct task *task_next_record(const struct task *prev)
{
	const struct list *l = prev ? prev->all_link.next : all_tasks.next;

	return l == &all_tasks ? NULL : list_entry(l, struct task, all_link);
}

struct task *task_by_id(long id)
{
	uint64_t *record = id >= 1 ? idtable_record(&ids, (uint64_t)id - 1) : NULL;

	return idtable_live(record) ? (struct task *)record[0] : NULL;
}
