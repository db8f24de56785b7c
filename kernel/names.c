/*
 * The name registry: how a client finds a server's port.  It lives in the
 * kernel (a page of code) rather than in a user-level name server, so no
 * task has to start first and every task can find every other.  An entry
 * holds a handle's worth (port, generation, badge); it dies with the port.
 */
#include "names.h"
#include "handle.h"
#include <errno.h>
#include <string.h>

#define NAMES_MAX 32

struct name {
	char name[NAMES_NAME_MAX + 1];
	struct handle handle;
};

static struct name names[NAMES_MAX];

static bool entry_live(const struct name *n)
{
	return handle_live_port(&n->handle) != NULL;
}

static struct name *find(const char *name)
{
	for (unsigned i = 0; i < NAMES_MAX; i++)
		if (entry_live(&names[i]) && !strcmp(names[i].name, name))
			return &names[i];
	return NULL;
}

static struct name *free_entry(void)
{
	for (unsigned i = 0; i < NAMES_MAX; i++)
		if (!entry_live(&names[i]))
			return &names[i];
	return NULL;
}

long names_add(const char *name, const struct handle *h)
{
	if (find(name))
		return -EEXIST;
	struct name *n = free_entry();
	if (!n)
		return -ENOSPC;
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
