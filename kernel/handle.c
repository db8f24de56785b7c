/* Handle tables: finding, checking, installing and closing a task's handles. */
#include "handle.h"
#include "task.h"
#include <errno.h>
#include <stddef.h>

void handle_table_init(struct handle_table *ht, struct task *t)
{
	*ht = (struct handle_table){ .ids = IDTABLE_INIT(HANDLE_ORDER), .task = t };
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
	if (i < HANDLES_FIRST_LEAF) {
		ht->first_leaf = ht->ids.dir[0];
		ht->first_high = ht->ids.high < HANDLES_FIRST_LEAF ? ht->ids.high : HANDLES_FIRST_LEAF;
	}
	*(struct handle *)idtable_at(&ht->ids, i, HANDLE_ORDER) =
		(struct handle){ .port = p, .badge = badge, .generation = p->generation, .owner = owner };
	return i + 1;
}

long handle_send_check(const struct port *p, const struct task *sender)
{
	if (!p->accepts_handles)
		return -EOPNOTSUPP;
	if (sender->handles_sent >= TASK_HANDLES_SENT_MAX)
		return -EDQUOT;
	return 0;
}

long handle_transfer(struct handle_table *from, long n, struct handle_table *to,
		     struct task *sender)
{
	long err;
	const struct handle *h = handle_live(from, n, &err);

	if (!h)
		return err;
	if (sender && sender->handles_sent >= TASK_HANDLES_SENT_MAX)
		return -EDQUOT;		/* reached meanwhile, by its other threads */
	long copy = handle_install(to, h->port, false, h->badge);
	if (copy > 0 && sender) {
		struct handle *installed = handle_slot(to, copy);
		installed->sender = task_key(sender);
		sender->handles_sent++;
	}
	return copy;
}

/* Takes h off its sender's count, if a call installed it and its sender's
 * key still names a task (a later task with the same id has another). */
static void forget_sender(struct handle *h)
{
	struct task *sender = h->sender ? task_by_id(h->sender & TASK_KEY_ID_MASK) : NULL;

	if (sender && task_key(sender) == h->sender)
		sender->handles_sent--;
}

void handle_close(struct handle_table *ht, long n, struct handle *h)
{
	forget_sender(h);
	idtable_give_record(&ht->ids, n - 1, (uint64_t *)h, 0);
}

void handle_table_clear(struct handle_table *ht)
{
	for (uint32_t i = 0; i < ht->ids.high; i++) {
		uint64_t *r = idtable_record(&ht->ids, i);
		if (idtable_live(r))
			forget_sender((struct handle *)r);
	}
	idtable_free(&ht->ids, ht->task);
	ht->first_leaf = NULL;
	ht->first_high = 0;
}
