/* Linear hashing (lhash.h): buckets added one at a time, one split each. */
#include "lhash.h"

static struct list *bucket_at(const struct lhash *h, uint64_t b)
{
	return (struct list *)idtable_at(&h->buckets, b, 1);
}

/* A new bucket, empty; false when no page is left for it. */
static bool add_bucket(struct lhash *h)
{
	uint32_t unused;
	long b = idtable_take(&h->buckets, NULL, &unused);

	if (b < 0)
		return false;
	list_init(bucket_at(h, b));
	return true;
}

/* One step: bucket split gives the entries of its upper half to a new bucket. */
static void grow(struct lhash *h)
{
	if (h->base + h->split >= IDTABLE_CAPACITY(1) || !add_bucket(h))
		return;		/* the chains grow a little longer instead */
	struct list *from = bucket_at(h, h->split), *to = bucket_at(h, h->split + h->base);

	for (struct list *l = from->next; l != from;) {
		struct lhash_node *n = list_entry(l, struct lhash_node, link);
		l = l->next;
		if ((n->hash & (2 * h->base - 1)) != h->split) {
			list_remove(&n->link);
			list_push_back(to, &n->link);
		}
	}
	if (++h->split == h->base) {
		h->base *= 2;
		h->split = 0;
	}
}

bool lhash_add(struct lhash *h, struct lhash_node *n, uint64_t hash)
{
	if (!h->buckets.high && !add_bucket(h))
		return false;
	n->hash = hash;
	list_push_back(lhash_bucket(h, hash), &n->link);
	if (++h->entries > h->base + h->split)
		grow(h);
	return true;
}

void lhash_remove(struct lhash *h, struct lhash_node *n)
{
	list_remove(&n->link);
	h->entries--;
}
