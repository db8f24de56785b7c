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

/* One file action, as recorded (spawn_file_actions.c). */
struct spawn_file_action {
	enum { SPAWN_OPEN, SPAWN_DUP2, SPAWN_CLOSE } kind;
	int fd;			/* the descriptor acted on (dup2's target) */
	int from;		/* dup2's source */
	char *path;		/* open's, a copy */
	int oflag;
	mode_t mode;
};

/* Recorded in order, carried out by posix_spawn (spawn_fds.c). */
struct __posix_spawn_file_actions {
	unsigned count;
	struct spawn_file_action *list;
};

/* The environment words that hand a new task its descriptors and working
 * directory (spawn_fds.c writes them, fd_inherit.c reads them). */
#define SPAWN_FDS_WORD "RAINBOW_FDS="
#define SPAWN_CWD_WORD "RAINBOW_CWD="

/*
 * What the child gets: the spawner's descriptors that are not
 * close-on-exec, changed by actions (NULL: none), as shares of the file
 * server, and its working directory, as environment words added to envp.
 * *child_envp (malloc'd, with its added words) replaces envp; free it
 * with spawn_fds_end.  0 or an error number: open's for an open action,
 * EBADF for a dup2 from a descriptor not open, the server's, ENOMEM.
 */
int spawn_fds_begin(const posix_spawn_file_actions_t *actions, char *const envp[],
		    char ***child_envp);
/* After the spawn: spawned false takes the shares back (nobody will adopt
 * them); frees what spawn_fds_begin made. */
void spawn_fds_end(char **child_envp, int spawned);

#endif
