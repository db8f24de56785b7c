/*
 * The file server's clients (session.c): a session per connected client,
 * its open files, and the badges that name them.  A badge is
 *   serial << 16 | session index << 8 | slot
 * with slot 0 the session itself and 1..SESSION_FILES_MAX an open file;
 * serial is unique to the handle, so a stale handle matches nothing.
 */
#ifndef FSD_SESSION_H
#define FSD_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tree.h"

/* Limits (docs/files.md): sessions of the server, and per session. */
#define SESSIONS_MAX 48
#define SESSIONS_PER_TASK 4		/* sessions one client task may hold at once */
#define SESSION_FILES_MAX 60
#define SESSION_BYTES_MAX (16u << 20)	/* file growth charged to one session */
#define SESSION_NODES_MAX 1024		/* nodes one session may create */

struct open_file {
	struct node *node;		/* NULL: slot free */
	uint64_t serial;
	uint64_t offset;
	int flags;			/* O_* as opened */
};

struct session {
	long lifeline;			/* 0: slot free */
	long task;			/* the client's task key (rb_ipc_caller_task) */
	uint64_t serial;
	size_t bytes;			/* file growth charged */
	unsigned nodes;			/* nodes created */
	struct open_file files[SESSION_FILES_MAX];
};

/*
 * A new session of client task with its lifeline handle: its badge, or
 * -EAGAIN when none is free or task holds SESSIONS_PER_TASK already.
 */
long session_open(long lifeline, long task, uint64_t *badge);

/* The badge of session s itself (slot 0). */
uint64_t session_badge(const struct session *s);

/* The session a badge names (slot 0), or NULL. */
struct session *session_of(uint64_t badge);

/* The open file a badge names, or NULL; *s its session. */
struct open_file *session_file(uint64_t badge, struct session **s);

/* A new open file of s on node: its badge, or -EMFILE. */
long session_file_open(struct session *s, struct node *node, int flags, uint64_t *badge);

/* Closes the open file. */
void session_file_close(struct open_file *f);

/* Ends every session whose lifeline is gone; returns how many. */
unsigned session_sweep(void);

/* Live sessions, open files, sessions reclaimed so far. */
void session_counts(uint64_t *sessions, uint64_t *files, uint64_t *reclaimed);

#endif
