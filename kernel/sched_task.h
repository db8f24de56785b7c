#ifndef SCHED_TASK_H
#define SCHED_TASK_H

/*
 * What the scheduler keeps in each task (sched.c): time is shared round
 * robin over the families (a boot task with all it spawned, whose threads
 * queue in the boot task's sched_task) that have a ready thread at a
 * priority, then over that family's ready threads, so a family with many
 * threads or tasks gets no more of the CPU than a task with one thread.
 * Each CPU has its own lines (percpu.h), so a family has a queue per CPU
 * and priority, in a page of its boot task's.
 */
#include <stdbool.h>
#include "list.h"
#include <rainbow/types.h>

#define SCHED_PRIORITIES (RB_PRIORITY_MAX + 1)

/* One priority's share of a task: its ready threads, and its place in line. */
struct sched_queue {
	struct list ready;	/* its ready threads of this priority, FIFO (thread run_link) */
	struct list link;	/* in the priority's run queue while ready is not empty */
};

struct sched_task {
	struct sched_queue (*queue)[SCHED_PRIORITIES];	/* [cpu index][priority], one page */
};

/*
 * Empty queues, for a new boot task (task_create): one page, kept for the
 * machine's life (a spawned task queues in its family's, and the boot
 * tasks are the bundle's lines).  False: no page left.
 */
bool sched_task_init(struct sched_task *s);

#endif
