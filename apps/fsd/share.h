/*
 * Open files handed from one client to another (share.c): how a spawned
 * task inherits its spawner's descriptors (docs/files.md, "Inheriting
 * descriptors").  RB_FS_SHARE on a file handle copies the open file
 * (node, offset, flags) into a share named by a random 64-bit key;
 * RB_FS_ADOPT of that key on another session turns the share into an open
 * file of that session.  A share is the server's, not the sharer's open
 * file: it outlives the descriptor the sharer closes after the spawn.  It
 * goes when its sharer's session ends (share_sweep): the sharer's task
 * has ended then, and its children with it (docs/kernel.md), so nobody is
 * left to adopt it, and its file's space comes back.
 */
#ifndef FSD_SHARE_H
#define FSD_SHARE_H

#include <stdint.h>

#include "session.h"

/*
 * Shares waiting for their adopter: SESSION_FILES_MAX per live session,
 * and room for them all, so that no client's shares crowd out another's.
 */
#define SESSION_SHARES_MAX SESSION_FILES_MAX
#define SHARES_MAX (SESSIONS_MAX * SESSION_SHARES_MAX)

/* A share as it waits. */
struct share {
	struct node *node;		/* NULL: slot free */
	uint64_t key;
	uint64_t offset;
	int flags;
	uint64_t owner;			/* the sharer's session badge */
	uint64_t age;			/* order of making: the oldest orphan goes first */
};

/*
 * A share of f, made by session badge owner: 0 and *key, or -EMFILE when
 * the owner has SESSION_SHARES_MAX shares waiting, or the error of
 * rb_random.  A share whose sharer ended waits on until the table is
 * full, then gives its slot up, the oldest first.
 */
long share_make(uint64_t owner, const struct open_file *f, uint64_t *key);

/*
 * The share named by key, taken out of the table (the caller opens its
 * node, then calls share_done), or NULL: no such key (EBADF).
 */
struct share *share_take(uint64_t key);

/* Releases a taken share's hold on its node. */
void share_done(struct share *sh);

/* Gives up every share whose sharer's session has ended; O(SHARES_MAX). */
void share_sweep(void);

#endif
