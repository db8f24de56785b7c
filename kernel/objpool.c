/* Object pools (objpool.h): pages with a header, listed while they have a free object. */
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

/* The header at the start of each pool page; its objects follow. */
struct objpool_page {
	struct list link;	/* in the pool's partial list while it has a free object */
	struct list free;	/* its free objects, linked through their first bytes */
	uint32_t used;		/* its objects taken */
};

/* Objects start after the header, 16-byte aligned. */
#define FIRST_OBJECT ((sizeof(struct objpool_page) + 15) & ~(size_t)15)

static struct objpool_page *page_of(const void *obj)
{
	return (struct objpool_page *)((uintptr_t)obj & ~(uintptr_t)(PAGE_SIZE - 1));
}

/* A new page of free objects in p's partial list; false when the machine has none. */
static bool grow(struct objpool *p)
{
	uint64_t frame = pmm_alloc();

	if (!frame)
		return false;
	struct objpool_page *page = phys_to_virt(frame);
	list_init(&page->free);
	page->used = 0;
	for (uint64_t off = FIRST_OBJECT; off + p->size <= PAGE_SIZE; off += p->size)
		list_push_back(&page->free, (struct list *)((char *)page + off));
	list_push_back(&p->partial, &page->link);
	return true;
}

void *objpool_take(struct objpool *p, struct task *owner, long *err)
{
	*err = charge(owner, p->size);
	if (*err)
		return NULL;
	if (list_empty(&p->partial) && !grow(p)) {
		charge(owner, -(long)p->size);
		*err = -ENOMEM;
		return NULL;
	}
	struct objpool_page *page = list_entry(p->partial.next, struct objpool_page, link);
	void *obj = list_pop_front(&page->free);
	page->used++;
	if (list_empty(&page->free))
		list_remove(&page->link);	/* full */
	return obj;
}

void objpool_give(struct objpool *p, struct task *owner, void *obj)
{
	struct objpool_page *page = page_of(obj);

	if (list_empty(&page->free))
		list_push_back(&p->partial, &page->link);	/* was full */
	list_push_back(&page->free, obj);
	page->used--;
	if (!page->used && !p->type_stable) {
		list_remove(&page->link);
		pmm_free(virt_to_phys(page));
	}
	charge(owner, -(long)p->size);
}
