/*
 * Ports: IPC endpoints, TASK_PORTS_MAX in each task (struct task's
 * ports).  Destroying one bumps its generation, which makes every handle
 * to it stale (handle.h); its storage is the owner's to reuse.
 */
#include "port.h"
#include "task.h"
#include "tcb.h"
#include "ipc_path.h"
#include <errno.h>
#include <stddef.h>

struct port *port_create(struct task *owner)
{
	for (unsigned i = 0; i < TASK_PORTS_MAX; i++) {
		struct port *p = &owner->ports[i];
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

void port_task_ending(struct task *t)
{
	for (unsigned i = 0; i < TASK_PORTS_MAX; i++)
		if (t->ports[i].live)
			port_destroy(&t->ports[i]);
	handle_table_clear(&t->handles);
}
