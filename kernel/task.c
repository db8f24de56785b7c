/*
 * Tasks: creation, thread membership, exit and reaping, and the bundle's
 * verdict.  A task's resources go back once its last thread is off the
 * CPU; its exit status stays for the final summary.
 */
#include "task.h"
#include "thread.h"
#include "arch/thread_arch.h"
#include "sched.h"
#include "vm.h"
#include "vdso_map.h"
#include "log.h"
#include "machine.h"
#include "ipc.h"
#include "utcb.h"
#include <string.h>

static struct task tasks[TASK_MAX];
static unsigned ntasks, alive, refused;

struct task *task_create(const char *name)
{
	if (ntasks == TASK_MAX)
		return NULL;
	struct task *t = &tasks[ntasks];
	memset(t, 0, sizeof(*t));
	t->space = vm_create();
	if (!t->space)
		return NULL;
	if (!vdso_map_into(t->space)) {
		vm_destroy(t->space);
		return NULL;
	}
	t->id = ++ntasks;
	strncpy(t->name, name, sizeof(t->name) - 1);
	list_init(&t->threads);
	alive++;
	return t;
}

void task_discard(struct task *t)
{
	vm_destroy(t->space);
	ntasks--;		/* t is the newest task: its slot is free again */
	alive--;
}

struct thread *task_spawn_thread(struct task *t, unsigned priority, uint64_t entry,
				 uint64_t sp, uint64_t arg, uint64_t fs_base)
{
	struct thread *th = thread_alloc(t, priority);
	if (!th)
		return NULL;
	if (!utcb_attach(th)) {
		thread_free(th);
		return NULL;
	}
	th->fs_base = fs_base;
	thread_start_user(th, entry, sp, arg);
	list_push_back(&t->threads, &th->task_link);
	t->live_threads++;
	sched_make_ready(th);
	return th;
}

struct thread *task_find_thread(struct task *t, long tid)
{
	for (struct list *l = t->threads.next; l != &t->threads; l = l->next) {
		struct thread *th = list_entry(l, struct thread, task_link);
		if (th->id == tid)
			return th;
	}
	return NULL;
}

static void task_release(struct task *t)
{
	vm_destroy(t->space);
	t->space = 0;
}

/* A thread of t that nobody runs on: its UTCB, then its page. */
static void free_thread(struct thread *th)
{
	list_remove(&th->task_link);
	utcb_detach(th);
	thread_free(th);
}

void task_reap_thread(struct thread *th)
{
	struct task *t = th->task;

	free_thread(th);
	if (t->done && list_empty(&t->threads))
		task_release(t);
}

int task_release_zombie(struct thread *th)
{
	int status = th->exit_status;
	free_thread(th);
	return status;
}

/* Stop a thread that is not running: off every queue, then freed. */
static void thread_discard(struct thread *th)
{
	sched_unlink(th);
	ipc_thread_cancel(th);
	free_thread(th);
}

void task_end(struct task *t, int status, bool killed)
{
	bool is_current = current->task == t;

	t->done = true;
	t->killed = killed;
	t->exit_status = status;
	t->live_threads = 0;
	alive--;
	if (!killed)
		klog("task %s exited: %d", t->name, status);
	port_task_ending(t);
	for (struct list *l = t->threads.next; l != &t->threads;) {
		struct thread *th = list_entry(l, struct thread, task_link);
		l = l->next;
		if (th != current)	/* current is reaped after the switch away */
			thread_discard(th);
	}
	if (!is_current) {
		if (list_empty(&t->threads))
			task_release(t);
		return;
	}
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

void tasks_note_refused(void)
{
	refused++;
}

bool tasks_alive(void)
{
	return alive > 0;
}

void tasks_kill_deadlocked(void)
{
	for (unsigned i = 0; i < ntasks; i++) {
		if (tasks[i].done)
			continue;
		klog("task %s killed: deadlock, every thread left is blocked forever", tasks[i].name);
		task_end(&tasks[i], -1, true);
	}
}

_Noreturn void tasks_finish(void)
{
	unsigned ok = 0, failed = 0;

	for (unsigned i = 0; i < ntasks; i++) {
		if (!tasks[i].killed && tasks[i].exit_status == 0)
			ok++;
		else
			failed++;
	}
	klog("all tasks done: %u exited 0, %u failed, %u modules refused", ok, failed, refused);
	machine_exit(failed == 0 && refused == 0);
}
