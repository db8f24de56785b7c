#ifndef HANDLE_H
#define HANDLE_H

/*
 * Handles: a task's names for ports.  A handle records the port's
 * generation when it was made, so destroying a port (port.c) makes every
 * handle to it stale at once, without finding them.  Handle numbers are
 * what user space passes; number n is index n - 1 of the task's table, an
 * id table (idtable.h) that grows by a page per 128 handles, charged to
 * the task: finding, installing and closing a handle are O(1).
 */
#include <stdint.h>
#include <stdbool.h>
#include "port.h"
#include "idtable.h"

struct handle {
	struct port *port;		/* first: an id table record's word 0 */
	uint64_t badge;			/* delivered to the receiver of each call */
	/* Installed by a call's RB_TAG_HANDLE: its sender's task key (task.h), else 0. */
	long sender;
	/*
	 * The port's generation when the handle was made, and whether it is
	 * the owner handle (1: may wait, mint, destroy; 0: send only).  Read
	 * as one word, key equals the port's owner_key exactly while this is
	 * a live owner handle: the fastpath's one compare.
	 */
	union {
		struct {
			uint32_t generation;
			uint32_t owner;
		};
		uint64_t key;
	};
};

#define HANDLE_ORDER 2			/* a record per handle, of 2^2 words */
_Static_assert(sizeof(struct handle) <= sizeof(uint64_t) << HANDLE_ORDER, "a handle fits its record");
/* Handles a task may hold at most whatever its memory (the table's reach). */
#define HANDLES_MAX IDTABLE_CAPACITY(HANDLE_ORDER)

/*
 * Handles a task's calls may have installed in other tasks at once
 * (RB_TAG_HANDLE to a port that accepts them), so that no client fills a
 * server's table for the others (docs/ipc.md); they count until the
 * receiver closes them or ends.
 */
#define TASK_HANDLES_SENT_MAX 1024

/* Handles of the table's first leaf page: numbers 1 to this one. */
#define HANDLES_FIRST_LEAF (1u << (IDTABLE_WORDS_ORDER - HANDLE_ORDER))

/*
 * Every task has one (struct task's handles).  The first leaf is also
 * kept apart, so that a task's first 128 handles (a client's, a server's
 * port: the fastpath's lookups) are found with one load less.
 */
struct handle_table {
	struct idtable ids;
	struct task *task;		/* charged for the table's pages */
	uint64_t *first_leaf;		/* ids' first leaf once it exists */
	uint32_t first_high;		/* indexes below it are in first_leaf: min(ids.high, HANDLES_FIRST_LEAF) */
};

/* The handle number n names, or NULL when it names nothing; O(1).  Always inline: the fastpath's lookup. */
static inline __attribute__((always_inline)) struct handle *handle_slot(struct handle_table *ht, long n)
{
	uint64_t i = (uint64_t)n - 1;	/* n < 1 wraps past every index */
	uint64_t *r;

	if (__builtin_expect(i < ht->first_high, 1))
		r = ht->first_leaf + (i << HANDLE_ORDER);
	else if (i < ht->ids.high)
		r = idtable_at(&ht->ids, i, HANDLE_ORDER);
	else
		return NULL;
	return r[0] & 1 ? NULL : (struct handle *)r;
}

/*
 * The port h names while it lives; NULL for no handle or a stale one.  A
 * handle always names a port, made while the port lived, and destroying
 * the port bumps its generation (port.c, whose pool keeps a dead port's
 * generation): the generation alone tells a live port from a dead one.
 */
static inline __attribute__((always_inline)) struct port *handle_live_port(const struct handle *h)
{
	return h && h->port->generation == h->generation ? h->port : NULL;
}

/* The port h names while it lives, if h is an owner handle; else NULL. */
static inline __attribute__((always_inline)) struct port *handle_live_owned_port(const struct handle *h)
{
	return h && h->key == h->port->owner_key ? h->port : NULL;
}

/* An empty table for task t (task_create). */
void handle_table_init(struct handle_table *ht, struct task *t);
/*
 * Handle n while its port lives, for its port and badge; NULL with *err
 * -EBADF when n names no handle, -EPIPE when its port is gone.
 */
const struct handle *handle_live(struct handle_table *ht, long n, long *err);
/* The live port behind handle n; *err is -EBADF or -EPIPE when none. */
struct port *handle_port(struct handle_table *ht, long n, long *err);
/* The same for an owner handle only: *err is -EPERM for a send handle. */
struct port *handle_owned_port(struct handle_table *ht, long n, long *err);
/*
 * Install a handle to p, O(1); its number, or -EMFILE when the table holds
 * HANDLES_MAX, -EAGAIN when a new page of it would pass the task's memory
 * limit, -ENOMEM when the machine has no page for it.
 */
long handle_install(struct handle_table *ht, struct port *p, bool owner, uint64_t badge);
/*
 * Whether a call of sender's may carry a handle to port p: 0, or
 * -EOPNOTSUPP when p's owner did not accept handles
 * (rb_port_accept_handles), -EDQUOT when sender has TASK_HANDLES_SENT_MAX
 * handles installed in other tasks already.
 */
long handle_send_check(const struct port *p, const struct task *sender);
/*
 * A copy of handle n of from, as a send handle, installed in to, O(1):
 * its number, or what handle_live (-EBADF, -EPIPE) or handle_install
 * gives.  With sender (a call's task, NULL for a reply), the handle counts
 * against sender's TASK_HANDLES_SENT_MAX (-EDQUOT past it).
 */
long handle_transfer(struct handle_table *from, long n, struct handle_table *to,
		     struct task *sender);
/* Close handle n, which handle_slot found as h (the port itself is not touched); O(1). */
void handle_close(struct handle_table *ht, long n, struct handle *h);
/* Drop every handle and free the table (the task is ending): time in its size. */
void handle_table_clear(struct handle_table *ht);

#endif
