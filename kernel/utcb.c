/*
 * UTCB placement: slot n of a task's UTCB area (placed by placement.c)
 * holds the UTCB of one of its threads; the task's utcb_slots, an id
 * table, hands out slots in O(1).  A slot given back keeps its page
 * mapped and charged (the free record's generation says so), so the next
 * thread of the task to take it gets its UTCB without a page to find,
 * zero and map; it may read what the slot's last thread left there,
 * never another task's data.  The pages go with the address space.  The
 * kernel keeps its own pointer to
 * the page (direct map), so IPC copies message registers between UTCBs
 * without touching either address space.
 */
#include "utcb.h"
#include "tcb.h"
#include "task.h"
#include "vm.h"
#include "memcharge.h"
#include "phys.h"
#include "user_layout.h"
#include <rainbow/ipc.h>
#include <errno.h>

/* The generation of a free slot record whose page is still mapped. */
#define SLOT_PAGE_KEPT 1

static uint64_t slot_address(const struct task *t, unsigned slot)
{
	return t->utcb_area + (uint64_t)slot * USER_PAGE_SIZE;
}

long utcb_attach(struct thread *t)
{
	uint32_t kept;
	long slot = idtable_take(&t->task->utcb_slots, t->task, &kept);
	uint64_t phys;
	unsigned flags;

	if (slot < 0)
		return slot;
	uint64_t va = slot_address(t->task, slot);
	long err = 0;
	if (kept != SLOT_PAGE_KEPT) {
		/* Backed at once (memory is demand-zero): the kernel writes the UTCB now. */
		err = memcharge_map(t->task, va, USER_PAGE_SIZE, VM_USER | VM_WRITE);
		if (!err && !memcharge_touch(t->task, va)) {
			memcharge_unmap(t->task, va, USER_PAGE_SIZE);
			err = -ENOMEM;
		}
	}
	if (err) {
		idtable_give(&t->task->utcb_slots, slot, 0);
		return err;
	}
	*idtable_record(&t->task->utcb_slots, slot) = (uint64_t)t;
	vm_lookup(t->task->space, va, &phys, &flags);
	t->utcb = phys_to_virt(phys);
	t->utcb->self = (struct rb_utcb *)va;
	t->utcb_slot = slot;
	t->utcb_base = va;
	return 0;
}

void utcb_detach(struct thread *t)
{
	idtable_give(&t->task->utcb_slots, t->utcb_slot, SLOT_PAGE_KEPT);
}
