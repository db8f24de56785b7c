/*
 * Ports and handles.  A handle records the port's generation when it was
 * made, so destroying a port makes every handle to it stale at once,
 * without finding them.
 */
#include "port.h"
#include "task.h"
#include "thread.h"
#include "ipc.h"
#include <errno.h>
#include <stddef.h>

static struct port ports[PORT_MAX];

struct port *port_create(struct task *owner)
{
	for (unsigned i = 0; i < PORT_MAX; i++) {
		struct port *p = &ports[i];
		if (p->live)
			continue;
		p->owner = owner;
		p->live = true;
		list_init(&p->callers);
		list_init(&p->receivers);
		return p;
	}
	return NULL;
}

void port_destroy(struct port *p)
{
	p->live = false;
	p->generation++;
	while (!list_empty(&p->callers))
		ipc_wake_with_error(list_entry(p->callers.next, struct thread, run_link), -EPIPE);
	while (!list_empty(&p->receivers))
		ipc_wake_with_error(list_entry(p->receivers.next, struct thread, run_link), -EPIPE);
}

struct port *handle_port(struct task *t, long n, long *err)
{
	struct handle *h = handle_slot(t, n);

	if (!h) {
		*err = -EBADF;
		return NULL;
	}
	if (!h->port->live || h->port->generation != h->generation) {
		*err = -EPIPE;
		return NULL;
	}
	return h->port;
}

bool handle_table_full(const struct task *t)
{
	for (unsigned i = 0; i < TASK_HANDLES; i++)
		if (!t->handles[i].port)
			return false;
	return true;
}

long handle_install(struct task *t, struct port *p, bool owner, uint64_t badge)
{
	for (unsigned i = 0; i < TASK_HANDLES; i++) {
		if (t->handles[i].port)
			continue;
		t->handles[i] = (struct handle){ p, p->generation, owner, badge };
		return i + 1;
	}
	return -EMFILE;
}

void port_task_ending(struct task *t)
{
	for (unsigned i = 0; i < PORT_MAX; i++)
		if (ports[i].live && ports[i].owner == t)
			port_destroy(&ports[i]);
	for (unsigned i = 0; i < TASK_HANDLES; i++)
		t->handles[i].port = NULL;
}
