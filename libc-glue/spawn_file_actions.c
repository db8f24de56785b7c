/*
 * posix_spawn_file_actions_t: POSIX's list of descriptor changes for the
 * new program, recorded in order and carried out by posix_spawn in the
 * spawner (spawn_fds.c).  Each returns 0 or an error number (POSIX: not
 * errno): EBADF for a descriptor below 0 or at _SC_OPEN_MAX and above,
 * ENOMEM when no memory is left for the object or the action.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "fd.h"
#include "spawn_impl.h"

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *actions)
{
	struct __posix_spawn_file_actions *a = calloc(1, sizeof(*a));

	if (!a)
		return ENOMEM;
	*actions = a;
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *actions)
{
	struct __posix_spawn_file_actions *a = *actions;

	for (unsigned i = 0; i < a->count; i++)
		free(a->list[i].path);
	free(a->list);
	free(a);
	*actions = NULL;
	return 0;
}

/* Appends act, checking its descriptors. */
static int record(posix_spawn_file_actions_t *actions, struct spawn_file_action act)
{
	struct __posix_spawn_file_actions *a = *actions;

	if (act.fd < 0 || act.fd >= FD_MAX || act.from < 0 || act.from >= FD_MAX)
		return EBADF;
	struct spawn_file_action *list = realloc(a->list, (a->count + 1) * sizeof(*list));
	if (!list)
		return ENOMEM;
	a->list = list;
	list[a->count++] = act;
	return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *actions, int fd)
{
	return record(actions, (struct spawn_file_action){ .kind = SPAWN_CLOSE, .fd = fd });
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *actions, int fd, int newfd)
{
	return record(actions, (struct spawn_file_action){ .kind = SPAWN_DUP2, .fd = newfd, .from = fd });
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *restrict actions, int fd,
				     const char *restrict path, int oflag, mode_t mode)
{
	if (fd < 0 || fd >= FD_MAX)
		return EBADF;
	char *copy = strdup(path);
	if (!copy)
		return ENOMEM;
	int err = record(actions, (struct spawn_file_action){
		.kind = SPAWN_OPEN, .fd = fd, .path = copy, .oflag = oflag, .mode = mode });
	if (err)
		free(copy);
	return err;
}
