/*
 * The name registry: how a client finds a server's port.  It lives in the
 * kernel (a page of code) rather than in a user-level name server, so no
 * task has to start first and every task can find every other.  An entry
 * holds a handle's worth (port, generation, badge); it dies with the port
 * or with the task that registered it, each of which lists its entries.
 * Entries come from an object pool (objpool.h) charged to the registering
 * task, so no task fills the registry for another.
 *
 * Lookup is a hash table grown by linear hashing (lhash.h), keyed by
 * the name's FNV-1a hash, so registering and finding a name cost the same
 * whatever the registry holds.
 */
#include "names.h"
#include "handle.h"
#include "task.h"
#include "objpool.h"
#include "lhash.h"
#include <errno.h>
#include <string.h>

struct name {
	struct list pool_link;		/* first: the pool's while free */
	struct lhash_node node;		/* in the registry's hash */
	struct list port_link;		/* in its port's names */
	struct list task_link;		/* in its registering task's names */
	struct task *task;
	struct handle handle;
	char name[NAMES_NAME_MAX + 1];
};

static struct objpool pool = OBJPOOL_INIT(pool, struct name, false);	/* pages go back when empty */
static struct lhash registry = LHASH_INIT;

/* FNV-1a, 64 bits. */
static uint64_t hash_of(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ull;
	return h;
}

static struct name *find(const char *name)
{
	uint64_t hash = hash_of(name);
	struct list *head = lhash_bucket(&registry, hash);

	for (struct list *l = head ? head->next : NULL; l != head; l = l->next) {
		struct name *n = list_entry(l, struct name, node.link);
		if (n->node.hash == hash && !strcmp(n->name, name))
			return n;
	}
	return NULL;
}

long names_add(struct task *t, const char *name, const struct handle *h)
{
	long err;

	if (find(name))
		return -EEXIST;
	struct name *n = objpool_take(&pool, t, &err);
	if (!n)
		return err;
	if (!lhash_add(&registry, &n->node, hash_of(name))) {
		objpool_give(&pool, t, n);
		return -ENOMEM;
	}
	strcpy(n->name, name);
	n->task = t;
	n->handle = *h;
	n->handle.owner = false;	/* lookups get send rights only */
	list_push_back(&h->port->names, &n->port_link);
	list_push_back(&t->names, &n->task_link);
	return 0;
}

const struct handle *names_find(const char *name)
{
	struct name *n = find(name);

	return n ? &n->handle : NULL;
}

static void remove_entry(struct name *n)
{
	lhash_remove(&registry, &n->node);
	list_remove(&n->port_link);
	list_remove(&n->task_link);
	objpool_give(&pool, n->task, n);
}

void names_port_destroyed(struct port *p)
{
	while (!list_empty(&p->names))
		remove_entry(list_entry(p->names.next, struct name, port_link));
}

void names_task_ending(struct task *t)
{
	while (!list_empty(&t->names))
		remove_entry(list_entry(t->names.next, struct name, task_link));
}
