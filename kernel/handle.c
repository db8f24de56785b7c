/* Handle tables: finding, checking, installing and closing a task's handles. */
#include "handle.h"
#include <errno.h>
#include <stddef.h>

void handle_table_init(struct handle_table *ht, struct task *t)
{
	*ht = (struct handle_table){ .ids = { .words = HANDLE_WORDS }, .task = t };
}

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
	uint32_t unused;
	long i = idtable_take(&ht->ids, ht->task, &unused);

	if (i < 0)
		return i == -EAGAIN && ht->ids.high == HANDLES_MAX ? -EMFILE : i;
	*(struct handle *)idtable_record(&ht->ids, i) =
		(struct handle){ .port = p, .badge = badge, .generation = p->generation, .owner = owner };
	return i + 1;
}

void handle_close(struct handle_table *ht, long n)
{
	idtable_give(&ht->ids, n - 1, 0);
}

void handle_table_clear(struct handle_table *ht)
{
	idtable_free(&ht->ids, ht->task);
}
