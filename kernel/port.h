#ifndef PORT_H
#define PORT_H

#include <stdint.h>
#include <stdbool.h>
#include "list.h"

#define PORT_MAX 256
#define TASK_HANDLES 64

struct task;

/* An IPC endpoint.  Wait queues belong to ports, FIFO, O(1) both ways. */
struct port {
	struct task *owner;
	uint32_t generation;		/* bumped when destroyed: old handles go stale */
	bool live;
	struct list callers;		/* threads in THREAD_IPC_SEND, oldest first */
	struct list receivers;		/* threads in THREAD_IPC_RECV, oldest first */
};

/* A task's name for a port: handle number n is handles[n - 1]. */
struct handle {
	struct port *port;		/* NULL: free slot */
	uint32_t generation;		/* of the port when the handle was made */
	bool owner;			/* may wait, mint, destroy */
	uint64_t badge;			/* delivered to the receiver of each call */
};

struct port *port_create(struct task *owner);
/* Wake everyone queued on the port with -EPIPE; its handles go stale. */
void port_destroy(struct port *p);

/* The live port behind handle n; *err is -EBADF or -EPIPE when none. */
struct port *handle_port(struct task *t, long n, long *err);
/* Install a handle; its number, or -EMFILE when the table is full. */
long handle_install(struct task *t, struct port *p, bool owner, uint64_t badge);
bool handle_table_full(const struct task *t);

/* End of a task: destroy the ports it owns, drop its handles. */
void port_task_ending(struct task *t);

#endif
