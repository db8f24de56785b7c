/*
 * Thread control blocks: one page each, shared with the kernel stack.
 * Ids name threads to user space (IPC reply ids), so they are looked up
 * in O(1): the low bits pick a slot, the rest count reuses of the slot,
 * so a stale id never finds the slot's next thread.
 */
#include "thread.h"
#include "pmm.h"
#include "phys.h"
#include <string.h>

struct thread *thread_slots[THREAD_SLOTS];
static long slot_generation[THREAD_SLOTS];

static int free_slot(void)
{
	for (int i = 1; i < THREAD_SLOTS; i++)	/* id 0 is never a thread */
		if (!thread_slots[i])
			return i;
	return -1;
}

struct thread *thread_alloc(struct task *task, unsigned priority)
{
	int slot = free_slot();
	uint64_t frame = slot > 0 ? pmm_alloc() : 0;
	if (!frame)
		return NULL;
	struct thread *t = phys_to_virt(frame);
	memset(t, 0, sizeof(*t));
	t->task = task;
	t->id = slot + THREAD_SLOTS * ++slot_generation[slot];
	t->priority = priority;
	t->state = THREAD_READY;
	t->stack_canary = THREAD_STACK_CANARY;
	list_init(&t->ipc_callers);
	thread_slots[slot] = t;
	return t;
}

void thread_free(struct thread *t)
{
	thread_slots[t->id % THREAD_SLOTS] = NULL;
	pmm_free(virt_to_phys(t));
}
