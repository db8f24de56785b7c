/* Open files handed between clients (share.h). */
#include <errno.h>

#include <rainbow/syscall.h>

#include "share.h"
#include "tree.h"

static struct share shares[SHARES_MAX];
static uint64_t next_age;

/* The waiting share named by key, or NULL. */
static struct share *find(uint64_t key)
{
	for (unsigned i = 0; key && i < SHARES_MAX; i++)
		if (shares[i].node && shares[i].key == key)
			return &shares[i];
	return NULL;
}

/* A free slot, giving up the oldest share of an ended sharer when none is. */
static struct share *free_slot(void)
{
	struct share *oldest = NULL;

	for (unsigned i = 0; i < SHARES_MAX; i++) {
		struct share *sh = &shares[i];
		if (!sh->node)
			return sh;
		if (!session_of(sh->owner) && (!oldest || sh->age < oldest->age))
			oldest = sh;
	}
	if (oldest)
		share_done(oldest);
	return oldest;
}

long share_make(uint64_t owner, const struct open_file *f, uint64_t *key)
{
	unsigned mine = 0;

	for (unsigned i = 0; i < SHARES_MAX; i++)
		mine += shares[i].node && shares[i].owner == owner;
	if (mine >= SESSION_SHARES_MAX)
		return -EMFILE;
	struct share *sh = free_slot();	/* live sessions' shares never fill it */
	do {
		long err = rb_random(key, sizeof *key);
		if (err < 0)
			return err;
	} while (!*key || find(*key));		/* never 0, never two alike */
	*sh = (struct share){ f->node, *key, f->offset, f->flags, owner, next_age++ };
	f->node->opens++;
	return 0;
}

struct share *share_take(uint64_t key)
{
	static struct share taken;
	struct share *sh = find(key);

	if (!sh)
		return NULL;
	taken = *sh;
	sh->node = NULL;
	return &taken;
}

void share_done(struct share *sh)
{
	tree_close(sh->node);
	sh->node = NULL;
}

void share_sweep(void)
{
	for (unsigned i = 0; i < SHARES_MAX; i++)
		if (shares[i].node && !session_of(shares[i].owner))
			share_done(&shares[i]);
}
