/*
 * Processes: tasks started at run time by other tasks (rb_task_spawn), and
 * what their spawner may do with them: wait for their end and collect
 * their status, or kill them.  Boot modules have no spawner.
 *
 * The relation is one level deep and owned by the spawner alone: only the
 * task that spawned a task may wait for it or kill it.  An ended task
 * whose status is not collected yet (a zombie) keeps only its task record;
 * its address space and threads are already freed.  When a spawner ends,
 * its zombies are released at once and its running children run on as
 * orphans, released when they end (nobody is left to collect them).
 */
#ifndef PROCESS_H
#define PROCESS_H

#include <stdbool.h>
#include "task.h"

/*
 * Children a task may have at once, running or zombies: past it
 * rb_task_spawn is -EAGAIN.  Tasks in all come from memory (task.c); this
 * bounds one task's fan-out, each child holding a memory guarantee of
 * its own (memcharge.h), so one task cannot take the machine's memory by
 * spawning; trees of tasks grow deeper, not wider.
 */
#define TASK_CHILDREN_MAX 32

/* child was just spawned by parent (which has fewer than TASK_CHILDREN_MAX). */
void process_adopt(struct task *child, struct task *parent);

/*
 * Collect the status of an ended child of current's task: the child with
 * this id, or any child for id -1.  Blocks current until one has ended
 * unless nohang.  Returns the child's id with *status its status as
 * rb_task_wait describes it (RB_TASK_KILLED, or the exit status); 0 with
 * nohang when no child has ended yet; -ECHILD when there is no such child
 * (none spawned, already collected, or spawned by another task).  A child
 * collected is released.  Time: O(1) per wake.
 */
long process_wait(long id, bool nohang, int *status);

/*
 * Kill task id, a task current's task spawned: ends it as killed, unless
 * probe_only.  Returns 0 (also for a child that has already ended and is
 * not collected yet); -ESRCH for no such task, -EPERM for a task current's
 * task did not spawn (its own included).
 */
long process_kill(long id, bool probe_only);

/*
 * Task t ends (task_end): its live descendants are killed (a family ends
 * with the task that spawned it, as a session's processes end with it),
 * it moves to its spawner's zombies and the spawner's waiters wake; its
 * zombies are released.  O(t's descendants).
 */
void process_task_ended(struct task *t);

#endif
