/* The file server's sessions and open files (session.h). */
#include <errno.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "session.h"

#define SLOT_BITS 8
#define SESSION_SHIFT 8
#define SERIAL_SHIFT 16

static struct session sessions[SESSIONS_MAX];
static uint64_t next_serial = 1;
static uint64_t reclaimed;

static uint64_t badge_of(unsigned index, unsigned slot, uint64_t serial)
{
	return serial << SERIAL_SHIFT | (uint64_t)index << SESSION_SHIFT | slot;
}

/* The sessions task holds. */
static unsigned sessions_of_task(long task)
{
	unsigned held = 0;

	for (unsigned i = 0; i < SESSIONS_MAX; i++)
		held += sessions[i].lifeline && sessions[i].task == task;
	return held;
}

long session_open(long lifeline, long task, uint64_t *badge)
{
	if (sessions_of_task(task) >= SESSIONS_PER_TASK)
		return -EAGAIN;
	for (unsigned i = 0; i < SESSIONS_MAX; i++) {
		struct session *s = &sessions[i];
		if (s->lifeline)
			continue;
		memset(s, 0, sizeof *s);
		s->lifeline = lifeline;
		s->task = task;
		s->serial = next_serial++;
		*badge = badge_of(i, 0, s->serial);
		return 0;
	}
	return -EAGAIN;
}

uint64_t session_badge(const struct session *s)
{
	return badge_of((unsigned)(s - sessions), 0, s->serial);
}

static struct session *session_at(uint64_t badge)
{
	unsigned index = (badge >> SESSION_SHIFT) & ((1u << SLOT_BITS) - 1);

	if (index >= SESSIONS_MAX || !sessions[index].lifeline)
		return NULL;
	return &sessions[index];
}

struct session *session_of(uint64_t badge)
{
	struct session *s = session_at(badge);

	if (!s || (badge & ((1u << SLOT_BITS) - 1)) || badge >> SERIAL_SHIFT != s->serial)
		return NULL;
	return s;
}

struct open_file *session_file(uint64_t badge, struct session **s)
{
	unsigned slot = badge & ((1u << SLOT_BITS) - 1);

	*s = session_at(badge);
	if (!*s || slot == 0 || slot > SESSION_FILES_MAX)
		return NULL;
	struct open_file *f = &(*s)->files[slot - 1];
	return f->node && f->serial == badge >> SERIAL_SHIFT ? f : NULL;
}

long session_file_open(struct session *s, struct node *node, int flags, uint64_t *badge)
{
	for (unsigned i = 0; i < SESSION_FILES_MAX; i++) {
		struct open_file *f = &s->files[i];
		if (f->node)
			continue;
		*f = (struct open_file){ node, next_serial++, 0, flags };
		node->opens++;
		*badge = badge_of((unsigned)(s - sessions), i + 1, f->serial);
		return 0;
	}
	return -EMFILE;
}

void session_file_close(struct open_file *f)
{
	tree_close(f->node);
	f->node = NULL;
}

/*
 * A session lives while its client task does (rb_task_alive of the key
 * rb_ipc_caller_task gave at connect, which no later task with the same
 * id shares) and while its lifeline's port does: minting through a send
 * handle fails with -EPERM on a live port and -EPIPE on a destroyed one
 * (docs/ipc.md).  Neither blocks, whatever the client does; the task's
 * key alone ends a session whose lifeline never dies (a port of the
 * server's own, or of another task).
 */
static bool alive(const struct session *s)
{
	return rb_task_alive(s->task) == 1 && rb_port_mint(s->lifeline, 0) != -EPIPE;
}

unsigned session_sweep(void)
{
	unsigned ended = 0;

	for (unsigned i = 0; i < SESSIONS_MAX; i++) {
		struct session *s = &sessions[i];
		if (!s->lifeline || alive(s))
			continue;
		for (unsigned f = 0; f < SESSION_FILES_MAX; f++)
			if (s->files[f].node)
				session_file_close(&s->files[f]);
		rb_handle_close(s->lifeline);
		s->lifeline = 0;
		reclaimed++;
		ended++;
	}
	return ended;
}

void session_counts(uint64_t *live, uint64_t *files, uint64_t *gone)
{
	*live = *files = 0;
	for (unsigned i = 0; i < SESSIONS_MAX; i++) {
		if (!sessions[i].lifeline)
			continue;
		(*live)++;
		for (unsigned f = 0; f < SESSION_FILES_MAX; f++)
			*files += sessions[i].files[f].node != NULL;
	}
	*gone = reclaimed;
}
