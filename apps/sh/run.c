/*
 * sh's program runner: the redirections opened by the shell itself (so
 * that a missing input file is reported as such, status 1), close-on-exec,
 * and put in place in the child by posix_spawn's dup2 file actions; then
 * posix_spawnp and waitpid.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

/* Opens path for redirection onto target: 0, or 1 after the message. */
static int redirect(posix_spawn_file_actions_t *actions, const char *path, int flags, int target,
		    int *fd)
{
	int err;

	*fd = open(path, flags | O_CLOEXEC, 0666);
	if (*fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return 1;
	}
	err = posix_spawn_file_actions_adddup2(actions, *fd, target);
	if (err) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(err));
		return 1;
	}
	return 0;
}

int sh_run(const struct sh_command *cmd)
{
	posix_spawn_file_actions_t actions;
	pid_t pid;
	int status, err, in = -1, out = -1, failed = 0;

	err = posix_spawn_file_actions_init(&actions);
	if (err) {
		fprintf(stderr, "sh: %s\n", strerror(err));
		return 1;
	}
	if (cmd->in)
		failed = redirect(&actions, cmd->in, O_RDONLY, STDIN_FILENO, &in);
	if (!failed && cmd->out)
		failed = redirect(&actions, cmd->out,
				  O_WRONLY | O_CREAT | (cmd->append ? O_APPEND : O_TRUNC),
				  STDOUT_FILENO, &out);
	/* What the shell printed so far comes before the program's output. */
	fflush(stdout);
	if (!failed)
		err = posix_spawnp(&pid, cmd->argv[0], &actions, NULL, cmd->argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	if (failed)
		return 1;
	if (err) {
		fprintf(stderr, "sh: %s: %s\n", cmd->argv[0], strerror(err));
		return err == ENOENT ? 127 : 126;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sh: waitpid: %s\n", strerror(errno));
			return 1;
		}
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
