/*
 * The name registry: how a client finds a server's port.  It lives in the
 * kernel (a page of code) rather than in a user-level name server, so no
 * task has to start first and every task can find every other.  An entry
 * holds a handle's worth (port, generation, badge); it dies with the port
 * or with the task that registered it, each of which lists its entries.
 * Entries come from an object pool (objpool.h) charged to the registering
 * task, so no task fills the registry for another.
 *
 * Lookup is a hash table grown by linear hashing: while the entries
 * outnumber the buckets, each registration adds one bucket and splits one
 * older bucket into it, so the chains stay about one entry long and no
 * call ever rehashes the whole table.  The buckets are the records of an
 * id table (idtable.h) of the kernel's (16 bytes per bucket, up to
 * IDTABLE_CAPACITY(1) buckets; past that the chains grow).
 */
#include "names.h"
#include "handle.h"
#include "task.h"
#include "objpool.h"
#include "idtable.h"
#include <errno.h>
#include <string.h>

struct name {
	struct list pool_link;		/* first: the pool's while free */
	struct list bucket_link;
	struct list port_link;		/* in its port's names */
	struct list task_link;		/* in its registering task's names */
	struct task *task;
	uint64_t hash;
	struct handle handle;
	char name[NAMES_NAME_MAX + 1];
};

static struct objpool pool = OBJPOOL_INIT(pool, struct name);
/* Buckets [0, base + split): those below split use one more bit of the hash. */
static struct idtable buckets = IDTABLE_INIT(1);	/* a struct list per bucket */
_Static_assert(sizeof(struct list) == sizeof(uint64_t) << 1, "a bucket fills its record");
static uint64_t base = 1, split, entries;

/* FNV-1a, 64 bits. */
static uint64_t hash_of(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001b3ull;
	return h;
}

static struct list *bucket(uint64_t hash)
{
	uint64_t b = hash & (base - 1);

	if (b < split)
		b = hash & (2 * base - 1);
	return (struct list *)idtable_record(&buckets, b);
}

/* A new bucket, initialised; false when no page is left for it. */
static bool add_bucket(void)
{
	uint32_t unused;
	long b = idtable_take(&buckets, NULL, &unused);

	if (b < 0)
		return false;
	list_init((struct list *)idtable_record(&buckets, b));
	return true;
}

/* One step of linear hashing: bucket split moves its upper half to a new bucket. */
static void grow(void)
{
	if (!add_bucket())
		return;		/* the chains grow a little longer instead */
	struct list *from = (struct list *)idtable_record(&buckets, split);
	struct list *to = (struct list *)idtable_record(&buckets, split + base);
	struct list *l = from->next;

	while (l != from) {
		struct name *n = list_entry(l, struct name, bucket_link);
		l = l->next;
		if ((n->hash & (2 * base - 1)) != split) {
			list_remove(&n->bucket_link);
			list_push_back(to, &n->bucket_link);
		}
	}
	if (++split == base) {
		base *= 2;
		split = 0;
	}
}

static struct name *find(const char *name)
{
	uint64_t hash = hash_of(name);

	if (!buckets.high)
		return NULL;
	struct list *head = bucket(hash);
	for (struct list *l = head->next; l != head; l = l->next) {
		struct name *n = list_entry(l, struct name, bucket_link);
		if (n->hash == hash && !strcmp(n->name, name))
			return n;
	}
	return NULL;
}

long names_add(struct task *t, const char *name, const struct handle *h)
{
	long err;

	if (find(name))
		return -EEXIST;
	if (!buckets.high && !add_bucket())
		return -ENOMEM;
	struct name *n = objpool_take(&pool, t, &err);
	if (!n)
		return err;
	strcpy(n->name, name);
	n->hash = hash_of(name);
	n->task = t;
	n->handle = *h;
	n->handle.owner = false;	/* lookups get send rights only */
	list_push_back(bucket(n->hash), &n->bucket_link);
	list_push_back(&h->port->names, &n->port_link);
	list_push_back(&t->names, &n->task_link);
	if (++entries > base + split && base + split < IDTABLE_CAPACITY(1))
		grow();
	return 0;
}

const struct handle *names_find(const char *name)
{
	struct name *n = find(name);

	return n ? &n->handle : NULL;
}

static void remove_entry(struct name *n)
{
	list_remove(&n->bucket_link);
	list_remove(&n->port_link);
	list_remove(&n->task_link);
	entries--;
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
