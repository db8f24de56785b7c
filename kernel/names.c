/*
 * The name registry: how a client finds a server's port.  It lives in the
 * kernel (a page of code) rather than in a user-level name server, so no
 * task has to start first and every task can find every other.  An entry
 * holds a handle's worth (port, generation, badge); it dies with the port
 * or with the task that registered it.  Entries are charged to that task:
 * each task has its own TASK_NAMES_MAX, so no task fills the registry for
 * another.
 */
#include "names.h"
#include "handle.h"
#include "task.h"
#include <errno.h>
#include <string.h>

struct name {
	char name[NAMES_NAME_MAX + 1];
	struct handle handle;
};

/* Row i: the entries registered by the task with id i + 1. */
static struct name names[TASK_MAX][TASK_NAMES_MAX];

static bool entry_live(const struct name *n)
{
	return handle_live_port(&n->handle) != NULL;
}

static struct name *find(const char *name)
{
	for (unsigned t = 0; t < task_count(); t++)
		for (unsigned i = 0; i < TASK_NAMES_MAX; i++)
			if (entry_live(&names[t][i]) && !strcmp(names[t][i].name, name))
				return &names[t][i];
	return NULL;
}

static struct name *free_entry(const struct task *t)
{
	for (unsigned i = 0; i < TASK_NAMES_MAX; i++)
		if (!entry_live(&names[t->id - 1][i]))
			return &names[t->id - 1][i];
	return NULL;
}

long names_add(struct task *t, const char *name, const struct handle *h)
{
	if (find(name))
		return -EEXIST;
	struct name *n = free_entry(t);
	if (!n)
		return -EAGAIN;
	strcpy(n->name, name);
	n->handle = *h;
	n->handle.owner = false;	/* lookups get send rights only */
	return 0;
}

const struct handle *names_find(const char *name)
{
	struct name *n = find(name);

	return n ? &n->handle : NULL;
}

void names_task_ending(struct task *t)
{
	for (unsigned i = 0; i < TASK_NAMES_MAX; i++)
		names[t->id - 1][i].handle.port = NULL;
}
