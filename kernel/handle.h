#ifndef HANDLE_H
#define HANDLE_H

/*
 * Handles: a task's names for ports.  A handle records the port's
 * generation when it was made, so destroying a port (port.c) makes every
 * handle to it stale at once, without finding them.  Handle numbers are
 * what user space passes; number n is slot n - 1 of the task's table.
 */
#include <stdint.h>
#include <stdbool.h>
#include "port.h"

#define TASK_HANDLES 64

struct handle {
	struct port *port;		/* NULL: free slot */
	uint32_t generation;		/* of the port when the handle was made */
	bool owner;			/* may wait, mint, destroy */
	uint64_t badge;			/* delivered to the receiver of each call */
};

/* Every task has one (struct task's handles). */
struct handle_table {
	struct handle slot[TASK_HANDLES];
};

/* The slot handle number n names, or NULL when it names nothing. */
static inline struct handle *handle_slot(struct handle_table *ht, long n)
{
	if (n < 1 || n > TASK_HANDLES || !ht->slot[n - 1].port)
		return NULL;
	return &ht->slot[n - 1];
}

/* The port h names while it lives; NULL for no handle or a stale one. */
static inline struct port *handle_live_port(const struct handle *h)
{
	struct port *p = h ? h->port : NULL;

	return p && p->live && p->generation == h->generation ? p : NULL;
}

/* The port h names while it lives, if h is an owner handle; else NULL. */
static inline struct port *handle_live_owned_port(const struct handle *h)
{
	return h && h->owner ? handle_live_port(h) : NULL;
}

/*
 * Handle n while its port lives, for its port and badge; NULL with *err
 * -EBADF when n names no handle, -EPIPE when its port is gone.
 */
const struct handle *handle_live(struct handle_table *ht, long n, long *err);
/* The live port behind handle n; *err is -EBADF or -EPIPE when none. */
struct port *handle_port(struct handle_table *ht, long n, long *err);
/* The same for an owner handle only: *err is -EPERM for a send handle. */
struct port *handle_owned_port(struct handle_table *ht, long n, long *err);
/* Install a handle to p; its number, or -EMFILE when the table is full. */
long handle_install(struct handle_table *ht, struct port *p, bool owner, uint64_t badge);
bool handle_table_full(const struct handle_table *ht);
/* Empty the slot h (the port itself is not touched). */
void handle_close(struct handle *h);
/* Drop every handle (the task is ending). */
void handle_table_clear(struct handle_table *ht);

#endif
