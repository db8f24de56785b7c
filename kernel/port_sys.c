/* System calls that make, hand out and close ports and handles. */
#include "syscall_handlers.h"
#include "port.h"
#include "task.h"
#include "tcb.h"
#include <errno.h>

long sys_port_create(const uint64_t arg[6])
{
	(void)arg;		/* no arguments */
	struct task *t = current->task;
	long err;
	struct port *p = port_create(t, &err);

	if (!p)
		return err;
	long handle = handle_install(&t->handles, p, true, 0);
	if (handle < 0)
		port_destroy(p);	/* nobody saw it */
	return handle;
}

long sys_port_destroy(const uint64_t arg[6])
{
	uint64_t port = arg[0];
	long err;
	struct port *p = handle_owned_port(&current->task->handles, (long)port, &err);

	if (!p)
		return err;
	port_destroy(p);
	return 0;
}

long sys_port_mint(const uint64_t arg[6])
{
	uint64_t port = arg[0], badge = arg[1];
	long err;
	struct port *p = handle_owned_port(&current->task->handles, (long)port, &err);

	if (!p)
		return err;
	return handle_install(&current->task->handles, p, false, badge);
}

/* Calls to the port may carry handles from now on (docs/ipc.md). */
long sys_port_accept_handles(const uint64_t arg[6])
{
	uint64_t port = arg[0];
	long err;
	struct port *p = handle_owned_port(&current->task->handles, (long)port, &err);

	if (!p)
		return err;
	p->accepts_handles = true;
	return 0;
}

/* Closing the owner handle of a live port destroys the port (docs/ipc.md). */
long sys_handle_close(const uint64_t arg[6])
{
	uint64_t handle = arg[0];
	struct handle_table *ht = &current->task->handles;
	struct handle *h = handle_slot(ht, (long)handle);

	if (!h)
		return -EBADF;
	struct port *owned = handle_live_owned_port(h);
	handle_close(ht, (long)handle, h);
	if (owned)
		port_destroy(owned);
	return 0;
}
