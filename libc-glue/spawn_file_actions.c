/*
 * posix_spawn_file_actions_t: POSIX's list of descriptor changes for the
 * new program.  The list is checked and counted, but a new task does not
 * receive descriptors yet (they are the spawner's, in its libc, and the
 * kernel hands a new task none), so posix_spawn refuses a non-empty list
 * with ENOTSUP (spawn.c, docs/runtime.md).  Each returns 0 or an error
 * number (POSIX: not errno).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

#include "spawn_impl.h"

/* ENOMEM when no memory is left for the object. */
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
	free(*actions);
	*actions = NULL;
	return 0;
}

/* Count one action on descriptor fd; EBADF for a negative one (POSIX). */
static int record(posix_spawn_file_actions_t *actions, int fd)
{
	if (fd < 0)
		return EBADF;
	(*actions)->count++;
	return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *actions, int fd)
{
	return record(actions, fd);
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *actions, int fd, int newfd)
{
	return fd < 0 ? EBADF : record(actions, newfd);
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *restrict actions, int fd,
				     const char *restrict path, int oflag, mode_t mode)
{
	(void)path;
	(void)oflag;
	(void)mode;
	return record(actions, fd);
}
