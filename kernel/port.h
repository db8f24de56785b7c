#ifndef PORT_H
#define PORT_H

#include <stdint.h>
#include <stdbool.h>
#include "list.h"

struct task;

/*
 * An IPC endpoint.  Wait queues belong to ports, FIFO, O(1) both ways.
 * Ports come from a type-stable pool (objpool.h) charged to the owner, so
 * a stale handle still reads the generation of what it named.
 */
struct port {
	union {
		struct list pool_link;	/* first: the pool's while free */
		bool accepts_handles;	/* while live: calls may carry RB_TAG_HANDLE (handle.c) */
	};
	struct task *owner;
	union {
		struct {
			uint32_t generation;	/* bumped when destroyed: old handles go stale */
			uint32_t owned;		/* always 1: an owner handle's mark (handle.h) */
		};
		uint64_t owner_key;		/* the key of a live owner handle (handle.h) */
	};
	struct list callers;		/* threads in THREAD_IPC_SEND, oldest first */
	struct list receivers;		/* threads in THREAD_IPC_RECV, oldest first */
	struct list owner_link;		/* live: in its owner's ports */
	struct list names;		/* registry entries naming it (names.c) */
};

/*
 * A new live port owned by owner, O(1), charged to owner's memory (so one
 * task's ports never crowd out another's); NULL with *err -EAGAIN at
 * owner's memory limit, -ENOMEM when the machine is short (port.c).
 */
struct port *port_create(struct task *owner, long *err);
/*
 * Wake everyone queued on the port with -EPIPE; its handles go stale, its
 * registry entries go, its storage goes back to the pool.  Time in the
 * threads queued and names registered on it.
 */
void port_destroy(struct port *p);

/* End of a task: destroy the ports it owns, drop its handles; time in what it owns. */
void port_task_ending(struct task *t);

#endif
