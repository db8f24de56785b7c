/*
 * Id tables (idtable.h): a free list over records in leaf pages, which
 * are taken one at a time as the highest index grows.
 */
#include "idtable.h"
#include "memcharge.h"
#include "pmm.h"
#include "phys.h"
#include <errno.h>

/* A page for t, charged to owner (none for the kernel's own tables). */
static void *take_page(struct idtable *t, struct task *owner, long *err)
{
	*err = owner ? memcharge_take(owner, 1) : 0;
	if (*err)
		return NULL;
	uint64_t frame = pmm_alloc();
	if (!frame) {
		if (owner)
			memcharge_give(owner, 1);
		*err = -ENOMEM;
		return NULL;
	}
	t->pages++;
	return phys_to_virt(frame);
}

long idtable_take(struct idtable *t, struct task *owner, uint32_t *generation)
{
	uint64_t per_leaf = 1u << t->leaf_order, *record;
	uint32_t i;
	long err;

	if (t->free) {
		i = t->free - 1;
		record = idtable_record(t, i);
		t->free = (uint32_t)record[0] >> 1;
		*generation = record[0] >> 32;
	} else {
		if (t->high == IDTABLE_CAPACITY(t->order))
			return -EAGAIN;
		if (!t->dir && !(t->dir = take_page(t, owner, &err)))
			return err;
		if (t->high % per_leaf == 0 &&
		    !(t->dir[t->high / per_leaf] = take_page(t, owner, &err)))
			return err;
		i = t->high++;
		record = idtable_record(t, i);
		*generation = 0;
	}
	for (unsigned w = 0; w < 1u << t->order; w++)	/* a few words: no memset call */
		record[w] = 0;
	return i;
}

void idtable_free(struct idtable *t, struct task *owner)
{
	uint64_t per_leaf = 1u << t->leaf_order;

	if (!t->dir)
		return;
	for (uint64_t leaf = 0; leaf * per_leaf < t->high; leaf++)
		pmm_free(virt_to_phys(t->dir[leaf]));
	pmm_free(virt_to_phys(t->dir));
	if (owner)
		memcharge_give(owner, t->pages);
	*t = (struct idtable)IDTABLE_INIT(t->order);
}
