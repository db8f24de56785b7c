#ifndef PORT_H
#define PORT_H

#include <stdint.h>
#include <stdbool.h>
#include "list.h"

/* Ports a task may own at once (docs/limits.md); each lives in its task. */
#define TASK_PORTS_MAX 32

struct task;

/* An IPC endpoint.  Wait queues belong to ports, FIFO, O(1) both ways. */
struct port {
	struct task *owner;
	uint32_t generation;		/* bumped when destroyed: old handles go stale */
	bool live;
	struct list callers;		/* threads in THREAD_IPC_SEND, oldest first */
	struct list receivers;		/* threads in THREAD_IPC_RECV, oldest first */
};

/*
 * A new live port owned by owner, from owner's own TASK_PORTS_MAX (so one
 * task's ports never crowd out another's); NULL when it owns that many
 * live ports (port.c).
 */
struct port *port_create(struct task *owner);
/* Wake everyone queued on the port with -EPIPE; its handles go stale. */
void port_destroy(struct port *p);

/* End of a task: destroy the ports it owns, drop its handles. */
void port_task_ending(struct task *t);

#endif
