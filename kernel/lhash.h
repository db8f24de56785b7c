#ifndef LHASH_H
#define LHASH_H

/*
 * Hash tables grown by linear hashing (the name registry, futex queues):
 * while the entries outnumber the buckets, each addition adds one bucket
 * and splits one older bucket into it, moving the entries in order, so
 * chains stay about one entry long, a bucket keeps its entries in the
 * order they came, and no call ever rehashes the whole table.  The
 * buckets are records of an id table of the kernel's (idtable.h: 16 bytes
 * a bucket, up to IDTABLE_CAPACITY(1)); past that, or when no page is
 * left for one more, the chains grow instead.  Buckets are never given
 * back: the table keeps the size of its peak.
 */
#include <stdint.h>
#include <stdbool.h>
#include "list.h"
#include "idtable.h"

/* An entry: its place in a bucket and its full hash. */
struct lhash_node {
	struct list link;
	uint64_t hash;
};

struct lhash {
	struct idtable buckets;	/* [0, base + split): those below split use one more bit */
	uint64_t base, split, entries;
};

#define LHASH_INIT { .buckets = IDTABLE_INIT(1), .base = 1 }

/* The bucket hash falls in (a list of lhash_node.link), or NULL while the table is empty. */
static inline struct list *lhash_bucket(const struct lhash *h, uint64_t hash)
{
	uint64_t b = hash & (h->base - 1);

	if (!h->buckets.high)
		return NULL;
	if (b < h->split)
		b = hash & (2 * h->base - 1);
	return (struct list *)idtable_at(&h->buckets, b, 1);
}
/*
 * Adds n with hash at the end of its bucket, O(1) expected.  False, and
 * nothing added, only when the table's first bucket could not be had
 * (the machine out of memory, past the kernel's reserve).
 */
bool lhash_add(struct lhash *h, struct lhash_node *n, uint64_t hash);
/* Takes n out of the table; O(1). */
void lhash_remove(struct lhash *h, struct lhash_node *n);

#endif
