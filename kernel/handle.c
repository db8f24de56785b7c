/* Handle tables: finding, checking and installing a task's handles. */
#include "handle.h"
#include <errno.h>
#include <stddef.h>

struct port *handle_port(struct handle_table *ht, long n, long *err)
{
	struct handle *h = handle_slot(ht, n);
	struct port *p = handle_live_port(h);

	if (!p)
		*err = h ? -EPIPE : -EBADF;
	return p;
}

struct port *handle_owned_port(struct handle_table *ht, long n, long *err)
{
	struct port *p = handle_port(ht, n, err);

	if (p && !handle_slot(ht, n)->owner) {
		*err = -EPERM;
		return NULL;
	}
	return p;
}

long handle_install(struct handle_table *ht, struct port *p, bool owner, uint64_t badge)
{
	for (unsigned i = 0; i < TASK_HANDLES; i++) {
		if (ht->slot[i].port)
			continue;
		ht->slot[i] = (struct handle){ p, p->generation, owner, badge };
		return i + 1;
	}
	return -EMFILE;
}

bool handle_table_full(const struct handle_table *ht)
{
	for (unsigned i = 0; i < TASK_HANDLES; i++)
		if (!ht->slot[i].port)
			return false;
	return true;
}

void handle_table_clear(struct handle_table *ht)
{
	for (unsigned i = 0; i < TASK_HANDLES; i++)
		ht->slot[i].port = NULL;
}
