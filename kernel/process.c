/*
 * Processes (process.h): the spawner-child relation, kept as lists: each
 * task holds its running children and its ended ones (zombies), so wait,
 * kill and a child's end are O(1) and a spawner's end O(its children).
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
	list_push_back(&parent->children_running, &child->child_link);
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

static struct task *first_child(struct list *children)
{
	return list_empty(children) ? NULL : list_entry(children->next, struct task, child_link);
}

/* A child matching id (-1: any): an ended one first; NULL if none; O(1). */
static struct task *find_child(struct task *parent, long id)
{
	if (id != -1) {
		struct task *c = find_task(id);
		return c && c->parent == parent ? c : NULL;
	}
	struct task *c = first_child(&parent->children_ended);
	return c ? c : first_child(&parent->children_running);
}

long process_wait(long id, bool nohang, int *status)
{
	struct task *self = current->task;

	for (;;) {
		struct task *c = find_child(self, id);
		if (!c)
			return -ECHILD;
		if (c->done) {
			long id = c->id;
			*status = status_of(c);
			list_remove(&c->child_link);
			c->parent = NULL;
			self->children--;
			task_release(c);
			return id;
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

/*
 * End every live descendant of t (which has ended), deepest first, so
 * that each task_end below finds no live child and nothing recurses: the
 * kernel stack holds one level however deep the family.  A child that
 * ends moves from its spawner's running children to its zombies, so each
 * step is O(1) and the whole O(t's descendants).
 */
static void end_descendants(struct task *t)
{
	struct task *c = first_child(&t->children_running);

	while (c) {
		struct task *below = first_child(&c->children_running);
		if (below) {
			c = below;
			continue;
		}
		struct task *up = c->parent;
		klog("task %s killed: its spawner %s ended", c->name, up->name);
		task_end(c, -1, true);
		c = first_child(&up->children_running);
		if (!c && up != t)
			c = up;	/* its last child ended: up's turn */
	}
}

void process_task_ended(struct task *t)
{
	end_descendants(t);
	for (struct task *c; (c = first_child(&t->children_ended));) {
		list_remove(&c->child_link);
		c->parent = NULL;
		t->children--;
		task_release(c);	/* nobody is left to collect it */
	}
	if (t->spawned && !t->parent) {
		task_release(t);
		return;
	}
	if (!t->parent)
		return;
	list_remove(&t->child_link);
	list_push_back(&t->parent->children_ended, &t->child_link);
	struct list *waiters = &t->parent->child_waiters;
	while (!list_empty(waiters)) {
		struct thread *th = list_entry(waiters->next, struct thread, run_link);
		list_remove(&th->run_link);
		sched_make_ready(th);
	}
}
