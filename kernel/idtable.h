#ifndef IDTABLE_H
#define IDTABLE_H

/*
 * Id tables: small integers that name kernel objects, looked up in O(1)
 * (thread ids, a task's handles, a task's UTCB slots).  Two levels: one
 * directory page of IDTABLE_LEAVES pointers to leaf pages, each holding
 * records of 2^order 64-bit words (at most a page); a
 * page is taken the first time an index in it is handed out, so a table
 * costs what its highest index needs, not a fixed size.  Given-back
 * indexes form a free list threaded through their records' first word,
 * so taking and giving back an index is O(1).  The first word of a live
 * record is the caller's and must be even (a pointer, or 0); a free
 * record's is odd: the next free index + 1 shifted left by one, and a
 * 32-bit generation (the caller's, e.g. for ids that must not repeat) in
 * the high half.  Pages are charged to the owning task (memcharge.h), or
 * to no one for the kernel's own tables (owner NULL).
 */
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include "arch/layout.h"

struct task;

#define IDTABLE_WORDS_ORDER 9	/* a page holds 2^9 words */
#define IDTABLE_LEAVES (1u << IDTABLE_WORDS_ORDER)
/* Indexes a table of records of 2^order words holds at most. */
#define IDTABLE_CAPACITY(order) (IDTABLE_LEAVES << (IDTABLE_WORDS_ORDER - (order)))
/* An empty table of records of 2^order words. */
#define IDTABLE_INIT(o) { .order = (o), .leaf_order = IDTABLE_WORDS_ORDER - (o) }

struct idtable {
	uint64_t **dir;		/* NULL until the first index is taken */
	uint8_t order;		/* a record is 2^order words */
	uint8_t leaf_order;	/* a leaf holds 2^leaf_order records */
	uint32_t high;		/* indexes [0, high) have their leaf */
	uint32_t free;		/* 1 + the first free index below high; 0: none */
	uint32_t pages;		/* the directory and leaves held */
};

/*
 * The record of index i < t->high, for a table of records of 2^order
 * words: shifts and masks only, folded to constants where order is one
 * (the fast paths' lookups, handle.h and tcb.h).
 */
static inline uint64_t *idtable_at(const struct idtable *t, uint64_t i, unsigned order)
{
	unsigned leaf_order = IDTABLE_WORDS_ORDER - order;

	return t->dir[i >> leaf_order] + ((i & ((1u << leaf_order) - 1)) << order);
}

/* The record of index i, or NULL when i was never handed out. */
static inline uint64_t *idtable_record(const struct idtable *t, uint64_t i)
{
	return i < t->high ? idtable_at(t, i, t->order) : NULL;
}

/* Whether a record idtable_record returned is handed out and not given back. */
static inline bool idtable_live(const uint64_t *record)
{
	return record && !(record[0] & 1);
}

/*
 * Takes a free index for owner's table, O(1): its record is zeroed and
 * *generation is what idtable_give stored with it (0 for a fresh one).
 * Returns the index, or -EAGAIN (owner's memory limit, or the table's
 * IDTABLE_CAPACITY) or -ENOMEM (the machine) when a page was needed.
 */
long idtable_take(struct idtable *t, struct task *owner, uint32_t *generation);
/* Gives index i, whose record the caller has at hand, back; O(1). */
static inline void idtable_give_record(struct idtable *t, uint32_t i, uint64_t *record,
				       uint32_t generation)
{
	record[0] = (uint64_t)generation << 32 | (uint64_t)t->free << 1 | 1;
	t->free = i + 1;
}

/* Gives index i back, remembering generation for its next taker; O(1). */
static inline void idtable_give(struct idtable *t, uint32_t i, uint32_t generation)
{
	idtable_give_record(t, i, idtable_at(t, i, t->order), generation);
}
/*
 * Frees every page of the table and gives owner its charge back: time in
 * the pages held.  The table is empty afterwards and may be used again.
 */
void idtable_free(struct idtable *t, struct task *owner);

#endif
