#ifndef OBJPOOL_H
#define OBJPOOL_H

/*
 * Object pools: kernel objects smaller than a page (ports, registry
 * entries, task records), carved from whole pages and charged to the task that holds
 * them by the byte: a task is charged one page (memcharge.h) for every
 * page's worth of its objects, rounded up.  Each page begins with a small
 * header (its free objects and how many are in use); the pool lists the
 * pages that have a free object.  Taking and giving are O(1).
 *
 * A type-stable pool (ports) keeps its pages: a freed object goes back on
 * its page's free list and the page never goes back to the page
 * allocator, so a stale reference (a handle to a destroyed port) still
 * reads a port and its generation; such a pool holds as many pages as the
 * most objects ever alive at once needed, each of which was charged to a
 * task when it was taken.  Any other pool (names, which no handle points
 * at) gives a page back to the page allocator as soon as its last object
 * is given back, so the memory of ended tasks' objects comes back.
 */
#include <stdbool.h>
#include <stdint.h>
#include "list.h"

struct task;

struct objpool {
	uint32_t size;		/* bytes per object, at least a struct list */
	bool type_stable;	/* keep empty pages (see above) */
	struct list partial;	/* pages with a free object (struct objpool_page link) */
};

#define OBJPOOL_INIT(pool, type, stable) \
	{ .size = sizeof(type), .type_stable = (stable), .partial = { &(pool).partial, &(pool).partial } }

/*
 * An object for owner (NULL: charged to no task, a kernel object) (its
 * bytes unchanged since it was last given back, in a type-stable pool,
 * but for its first struct list, which the pool used), or NULL with *err
 * -EAGAIN when owner's memory limit would be passed, -ENOMEM when the
 * machine has no page.
 */
void *objpool_take(struct objpool *p, struct task *owner, long *err);
/* Gives obj back and takes it off owner's charge (owner NULL: none); O(1). */
void objpool_give(struct objpool *p, struct task *owner, void *obj);

#endif
