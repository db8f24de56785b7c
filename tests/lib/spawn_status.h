/*
 * For guest test programs that start a program from the file system and
 * wait for it.  Header-only.
 */
#ifndef SPAWN_STATUS_H
#define SPAWN_STATUS_H

#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

/* posix_spawn of path with argv and this environment, then waitpid: its exit status, or -1. */
static inline int spawn_status(const char *path, char *const argv[])
{
	pid_t pid;
	int status;

	if (posix_spawn(&pid, path, NULL, NULL, argv, environ) ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

#endif
