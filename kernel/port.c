/*
 * Ports: IPC endpoints, taken from one type-stable pool (objpool.h) and
 * charged to their owner.  Destroying one bumps its generation, which
 * makes every handle to it stale (handle.h) before the pool hands its
 * storage to the next port.
 */
#include "port.h"
#include "task.h"
#include "tcb.h"
#include "names.h"
#include "objpool.h"
#include "ipc_path.h"
#include <errno.h>
#include <stddef.h>

static struct objpool ports = OBJPOOL_INIT(ports, struct port, true);	/* handles read a dead port's generation */

struct port *port_create(struct task *owner, long *err)
{
	struct port *p = objpool_take(&ports, owner, err);

	if (!p)
		return NULL;
	p->owner = owner;
	p->owned = 1;
	p->accepts_handles = false;
	list_init(&p->callers);
	list_init(&p->receivers);
	list_init(&p->names);
	list_push_back(&owner->ports, &p->owner_link);
	return p;
}

void port_destroy(struct port *p)
{
	p->generation++;		/* the one mark of a dead port: its handles' generation is older */
	while (!list_empty(&p->callers))
		ipc_wake_with_error(list_entry(p->callers.next, struct thread, run_link), -EPIPE);
	while (!list_empty(&p->receivers))
		ipc_wake_with_error(list_entry(p->receivers.next, struct thread, run_link), -EPIPE);
	names_port_destroyed(p);
	list_remove(&p->owner_link);
	objpool_give(&ports, p->owner, p);
}

void port_task_ending(struct task *t)
{
	while (!list_empty(&t->ports))
		port_destroy(list_entry(t->ports.next, struct port, owner_link));
	handle_table_clear(&t->handles);
}
