/*
 * Thread control blocks: one page each, shared with the kernel stack.
 * Ids name threads to user space (IPC reply ids, join), so they are
 * looked up in O(1) through thread_ids, an id table (idtable.h) that
 * grows by a page per 512 threads alive at once: the low bits of an id
 * pick a record, the rest count reuses of the record.  The table's pages
 * are the kernel's (8 bytes per thread); the control block itself is
 * charged to the thread's task (task.c), so the thread limit is the
 * task's memory limit and no task can use up another's threads.
 */
#include "tcb.h"
#include "task.h"
#include "pmm.h"
#include "phys.h"
#include "sched.h"
#include <string.h>

struct idtable thread_ids = IDTABLE_INIT(0);

struct thread *thread_alloc(struct task *task, unsigned priority)
{
	uint32_t generation = 0;
	long index = task ? idtable_take(&thread_ids, NULL, &generation) : 0;
	uint64_t frame = index >= 0 ? pmm_alloc() : 0;

	if (!frame) {
		if (task && index >= 0)
			idtable_give(&thread_ids, index, generation);
		return NULL;
	}
	struct thread *t = phys_to_virt(frame);
	memset(t, 0, sizeof(*t));
	t->task = task;
	t->share = task ? task->sched_share : NULL;
	t->priority = priority;
	t->state = THREAD_READY;
	t->stack_canary = THREAD_STACK_CANARY;
	if (task)
		sched_thread_init(t);	/* an idle thread's CPU is the one it idles (sched.c) */
	list_init(&t->ipc_callers);
	if (task) {
		generation = generation + 1 ? generation + 1 : 1;	/* id 0 is the idle thread's */
		t->id = index + THREAD_IDS * (long)generation;
		*idtable_record(&thread_ids, index) = (uint64_t)t;
	}
	return t;
}

void thread_free(struct thread *t)
{
	if (t->task)
		idtable_give(&thread_ids, t->id % THREAD_IDS, t->id / THREAD_IDS);
	pmm_free(virt_to_phys(t));
}
