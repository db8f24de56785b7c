/* Handle tables: finding, checking and installing a task's handles. */
#include "handle.h"
#include <errno.h>
#include <stddef.h>

const struct handle *handle_live(struct handle_table *ht, long n, long *err)
{
	const struct handle *h = handle_slot(ht, n);

	if (!handle_live_port(h)) {
		*err = h ? -EPIPE : -EBADF;
		return NULL;
	}
	return h;
}

struct port *handle_port(struct handle_table *ht, long n, long *err)
{
	const struct handle *h = handle_live(ht, n, err);

	return h ? h->port : NULL;
}

struct port *handle_owned_port(struct handle_table *ht, long n, long *err)
{
	const struct handle *h = handle_live(ht, n, err);

	if (h && !h->owner) {
		*err = -EPERM;
		return NULL;
	}
	return h ? h->port : NULL;
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

void handle_close(struct handle *h)
{
	h->port = NULL;
}

void handle_table_clear(struct handle_table *ht)
{
	for (unsigned i = 0; i < TASK_HANDLES; i++)
		ht->slot[i].port = NULL;
}
