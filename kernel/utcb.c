/*
 * UTCB placement: slot n of a task's UTCB area (placed by placement.c)
 * holds the UTCB of one of its threads.  The kernel keeps its own pointer to the page (direct map),
 * so IPC copies message registers between UTCBs without touching either
 * address space.
 */
#include "utcb.h"
#include "tcb.h"
#include "task.h"
#include "vm.h"
#include "phys.h"
#include "user_layout.h"
#include <rainbow/ipc.h>

static int take_slot(struct task *t)
{
	for (unsigned i = 0; i < TASK_THREADS_MAX; i++) {
		uint64_t bit = 1ull << (i % 64);
		if (!(t->utcb_slots_used[i / 64] & bit)) {
			t->utcb_slots_used[i / 64] |= bit;
			return i;
		}
	}
	return -1;
}

static void free_slot(struct task *t, unsigned slot)
{
	t->utcb_slots_used[slot / 64] &= ~(1ull << (slot % 64));
}

bool utcb_attach(struct thread *t)
{
	int slot = take_slot(t->task);
	uint64_t va = t->task->utcb_area + (uint64_t)slot * USER_PAGE_SIZE, phys;
	unsigned flags;

	if (slot < 0)
		return false;
	if (!vm_map_fresh(t->task->space, va, USER_PAGE_SIZE, VM_USER | VM_WRITE)) {
		free_slot(t->task, slot);
		return false;
	}
	vm_lookup(t->task->space, va, &phys, &flags);
	t->utcb = phys_to_virt(phys);
	t->utcb->self = (struct rb_utcb *)va;
	t->utcb_slot = slot;
	t->utcb_base = va;
	return true;
}

void utcb_detach(struct thread *t)
{
	vm_unmap(t->task->space, t->task->utcb_area + (uint64_t)t->utcb_slot * USER_PAGE_SIZE);
	free_slot(t->task, t->utcb_slot);
}
