/*
 * posix_spawnattr_t: the basics of POSIX's spawn attributes, the flags and
 * the two signal sets.  What posix_spawn does with them is in spawn.c.
 * Each returns 0 or an error number (POSIX: not errno).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "spawn_impl.h"

/* ENOMEM when no memory is left for the object. */
int posix_spawnattr_init(posix_spawnattr_t *attr)
{
	struct __posix_spawnattr *a = calloc(1, sizeof(*a));

	if (!a)
		return ENOMEM;
	sigemptyset(&a->sigdefault);
	sigemptyset(&a->sigmask);
	*attr = a;
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
	free(*attr);
	*attr = NULL;
	return 0;
}

/* EINVAL for a flag POSIX does not define. */
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
	if (flags & ~SPAWN_KNOWN_FLAGS)
		return EINVAL;
	(*attr)->flags = flags;
	return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *restrict attr, short *restrict flags)
{
	*flags = (*attr)->flags;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *restrict attr, const sigset_t *restrict set)
{
	(*attr)->sigdefault = *set;
	return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *restrict attr, sigset_t *restrict set)
{
	*set = (*attr)->sigdefault;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *restrict attr, const sigset_t *restrict set)
{
	(*attr)->sigmask = *set;
	return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *restrict attr, sigset_t *restrict set)
{
	*set = (*attr)->sigmask;
	return 0;
}
