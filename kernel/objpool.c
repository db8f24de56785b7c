/* Object pools (objpool.h): free lists over pages that stay in the pool. */
#include "objpool.h"
#include "memcharge.h"
#include "task.h"
#include "pmm.h"
#include "phys.h"
#include "arch/layout.h"
#include <errno.h>

static uint64_t pages_for(uint64_t bytes)
{
	return (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
}

/* Charges owner delta bytes of objects (negative: gives them back); none without an owner. */
static long charge(struct task *owner, long delta)
{
	if (!owner)
		return 0;
	uint64_t before = pages_for(owner->object_bytes), after = pages_for(owner->object_bytes + delta);

	if (after > before) {
		long err = memcharge_take(owner, after - before);
		if (err)
			return err;
	} else {
		memcharge_give(owner, before - after);
	}
	owner->object_bytes += delta;
	return 0;
}

void *objpool_take(struct objpool *p, struct task *owner, long *err)
{
	*err = charge(owner, p->size);
	if (*err)
		return NULL;
	if (list_empty(&p->free)) {
		uint64_t frame = pmm_alloc();
		if (!frame) {
			charge(owner, -(long)p->size);
			*err = -ENOMEM;
			return NULL;
		}
		char *page = phys_to_virt(frame);
		for (uint64_t off = 0; off + p->size <= PAGE_SIZE; off += p->size)
			list_push_back(&p->free, (struct list *)(page + off));
	}
	return list_pop_front(&p->free);
}

void objpool_give(struct objpool *p, struct task *owner, void *obj)
{
	list_push_back(&p->free, obj);
	charge(owner, -(long)p->size);
}

void objpool_disown(struct objpool *p, struct task *owner)
{
	charge(owner, -(long)p->size);
}
