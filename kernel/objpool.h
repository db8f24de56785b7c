#ifndef OBJPOOL_H
#define OBJPOOL_H

/*
 * Object pools: kernel objects smaller than a page (ports, registry
 * entries, task records), carved from whole pages and charged to the task that holds
 * them by the byte: a task is charged one page (memcharge.h) for every
 * page's worth of its objects, rounded up.  Pools are type-stable: a
 * freed object goes on its pool's free list and its page never goes back
 * to the page allocator, so a stale reference (a handle to a destroyed
 * port) still reads a port and its generation.  The pool holds as many
 * pages as the most objects ever alive at once needed, each of which was
 * charged to a task when it was taken.  Taking and giving are O(1).
 */
#include <stdint.h>
#include "list.h"

struct task;

struct objpool {
	uint32_t size;		/* bytes per object, at least a struct list */
	struct list free;	/* free objects, linked through their first bytes */
};

#define OBJPOOL_INIT(pool, type) { .size = sizeof(type), .free = { &(pool).free, &(pool).free } }

/*
 * An object for owner (NULL: charged to no task, a kernel object) (its bytes unchanged since it was last given back,
 * but for its first struct list, which the pool used), or NULL with *err
 * -EAGAIN when owner's memory limit would be passed, -ENOMEM when the
 * machine has no page.
 */
void *objpool_take(struct objpool *p, struct task *owner, long *err);
/* Gives obj back and takes it off owner's charge (owner NULL: none). */
void objpool_give(struct objpool *p, struct task *owner, void *obj);
/* One object of p stays taken but is charged to no task from now on: owner's charge goes down. */
void objpool_disown(struct objpool *p, struct task *owner);

#endif
