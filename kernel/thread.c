/*
 * Thread control blocks: one page each, shared with the kernel stack.
 * Ids name threads to user space (IPC reply ids), so they are looked up
 * in O(1): the low bits pick a slot, the rest count reuses of the slot,
 * so a stale id never finds the slot's next thread.  Each task has its
 * own TASK_THREADS_MAX slots, so no task can use up another's.
 */
#include "tcb.h"
#include "task.h"
#include "pmm.h"
#include "phys.h"
#include <string.h>

struct thread *thread_slots[THREAD_SLOTS];
static uint32_t slot_generation[THREAD_SLOTS];

/* A free slot of the task's own range (task ids are 1..TASK_MAX), or -1. */
static int free_slot(const struct task *task)
{
	int first = (int)(task->id - 1) * TASK_THREADS_MAX;

	for (int i = first; i < first + TASK_THREADS_MAX; i++)
		if (!thread_slots[i])
			return i;
	return -1;
}

struct thread *thread_alloc(struct task *task, unsigned priority)
{
	int slot = task ? free_slot(task) : -1;
	uint64_t frame = slot >= 0 || !task ? pmm_alloc() : 0;
	if (!frame)
		return NULL;
	struct thread *t = phys_to_virt(frame);
	memset(t, 0, sizeof(*t));
	t->task = task;
	t->priority = priority;
	t->state = THREAD_READY;
	t->stack_canary = THREAD_STACK_CANARY;
	list_init(&t->ipc_callers);
	if (task) {
		t->id = slot + THREAD_SLOTS * (long)++slot_generation[slot];
		thread_slots[slot] = t;
	}
	return t;
}

void thread_free(struct thread *t)
{
	if (t->task)
		thread_slots[t->id % THREAD_SLOTS] = NULL;
	pmm_free(virt_to_phys(t));
}
