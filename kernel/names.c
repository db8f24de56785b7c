/*
 * The name registry: how a client finds a server's port.  It lives in the
 * kernel (a page of code) rather than in a user-level name server, so no
 * task has to start first and every task can find every other.  An entry
 * holds a handle's worth (port, generation, badge); it dies with the port.
 */
#include "syscall.h"
#include "port.h"
#include "task.h"
#include "thread.h"
#include "uaccess.h"
#include <errno.h>
#include <string.h>

#define NAMES_MAX 32
#define NAME_MAX_LEN 31

struct name {
	char name[NAME_MAX_LEN + 1];
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

long sys_ns_register(const uint64_t arg[6])
{
	char name[NAME_MAX_LEN + 1];
	long err = copy_string_from_user(name, arg[0], sizeof(name));

	if (err)
		return err;
	if (!handle_port(&current->task->handles, (long)arg[1], &err))
		return err;
	if (find(name))
		return -EEXIST;
	struct name *n = free_entry();
	if (!n)
		return -ENOSPC;
	strcpy(n->name, name);
	n->handle = *handle_slot(&current->task->handles, (long)arg[1]);
	n->handle.owner = false;	/* lookups get send rights only */
	return 0;
}

long sys_ns_lookup(const uint64_t arg[6])
{
	char name[NAME_MAX_LEN + 1];
	long err = copy_string_from_user(name, arg[0], sizeof(name));

	if (err)
		return err;
	struct name *n = find(name);
	if (!n)
		return -ENOENT;
	return handle_install(&current->task->handles, n->handle.port, false, n->handle.badge);
}
