/*
 * Processes (process.h): the spawner-child relation over the task table.
 * A waiter is its thread, queued on its task's child_waiters through
 * run_link while blocked, so it holds no memory and a task's end takes it
 * off like any queue (sched_unlink).
 */
#include "process.h"
#include "tcb.h"
#include "sched.h"
#include "log.h"
#include <errno.h>
#include <rainbow/types.h>

void process_adopt(struct task *child, struct task *parent)
{
	child->parent = parent;
	child->spawned = true;
	parent->children++;
}

/* The task with this id whose slot is in use, or NULL. */
static struct task *find_task(long id)
{
	struct task *t = task_by_id(id);

	return t && !t->released ? t : NULL;
}

static int status_of(const struct task *t)
{
	return t->killed ? RB_TASK_KILLED : t->exit_status;
}

/* A child matching id (-1: any): an ended one first; NULL if none. */
static struct task *find_child(const struct task *parent, long id)
{
	struct task *found = NULL;

	for (unsigned i = 0; i < task_count(); i++) {
		struct task *c = task_at(i);
		if (c->released || c->parent != parent || (id != -1 && c->id != id))
			continue;
		if (c->done)
			return c;
		found = c;
	}
	return found;
}

long process_wait(long id, bool nohang, int *status)
{
	struct task *self = current->task;

	for (;;) {
		struct task *c = find_child(self, id);
		if (!c)
			return -ECHILD;
		if (c->done) {
			*status = status_of(c);
			c->parent = NULL;
			c->released = true;
			self->children--;
			return c->id;
		}
		if (nohang)
			return 0;
		list_push_back(&self->child_waiters, &current->run_link);
		sched_block(THREAD_CHILD_WAIT);
	}
}

long process_kill(long id, bool probe_only)
{
	struct task *t = find_task(id);

	if (!t)
		return -ESRCH;
	if (t->parent != current->task)
		return -EPERM;
	if (probe_only || t->done)
		return 0;
	klog("task %s killed by task %s", t->name, current->task->name);
	task_end(t, -1, true);
	return 0;
}

/* A child of t that has not ended, or NULL. */
static struct task *live_child(const struct task *t)
{
	for (unsigned i = 0; i < task_count(); i++) {
		struct task *c = task_at(i);
		if (c->parent == t && !c->released && !c->done)
			return c;
	}
	return NULL;
}

/*
 * End every live descendant of t (which has ended), deepest first, so
 * that each task_end below finds no live child and nothing recurses: the
 * kernel stack holds one level however deep the family.  Each step scans
 * the task table once, at most twice per descendant.
 */
static void end_descendants(struct task *t)
{
	struct task *c = live_child(t);

	while (c && c != t) {
		struct task *below = live_child(c);
		if (below) {
			c = below;
			continue;
		}
		struct task *up = c->parent;
		klog("task %s killed: its spawner %s ended", c->name, up->name);
		task_end(c, -1, true);
		c = up == t ? live_child(t) : up;
	}
}

void process_task_ended(struct task *t)
{
	end_descendants(t);
	for (unsigned i = 0; i < task_count(); i++) {
		struct task *c = task_at(i);
		if (c->parent != t)
			continue;
		c->parent = NULL;	/* ended above: released now */
		t->children--;
		c->released = true;
	}
	if (t->spawned && !t->parent) {
		t->released = true;
		return;
	}
	if (!t->parent)
		return;
	struct list *waiters = &t->parent->child_waiters;
	while (!list_empty(waiters)) {
		struct thread *th = list_entry(waiters->next, struct thread, run_link);
		list_remove(&th->run_link);
		sched_make_ready(th);
	}
}
