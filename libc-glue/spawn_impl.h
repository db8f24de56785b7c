/*
 * What posix_spawn and its attribute and file-action objects share
 * (spawn.c, spawn_attr.c, spawn_file_actions.c).  Not installed.
 * picolibc's <spawn.h> makes both objects pointers to these structs.
 */
#ifndef RAINBOW_SPAWN_IMPL_H
#define RAINBOW_SPAWN_IMPL_H

#include <signal.h>
#include <spawn.h>

/* The flags posix_spawnattr_setflags takes: POSIX's six. */
#define SPAWN_KNOWN_FLAGS (POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | \
			   POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER | \
			   POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)

struct __posix_spawnattr {
	short flags;
	sigset_t sigdefault;
	sigset_t sigmask;
};

/* Recorded in order; posix_spawn cannot carry them out yet (spawn.c). */
struct __posix_spawn_file_actions {
	unsigned count;
};

#endif
