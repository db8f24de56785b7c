/*
 * sh's program runner: posix_spawnp with the command's redirections as
 * file actions, then waitpid.
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

int sh_run(const struct sh_command *cmd)
{
	posix_spawn_file_actions_t actions;
	pid_t pid;
	int status, err;

	err = posix_spawn_file_actions_init(&actions);
	if (!err && cmd->in)
		err = posix_spawn_file_actions_addopen(&actions, STDIN_FILENO,
						       cmd->in, O_RDONLY, 0);
	if (!err && cmd->out)
		err = posix_spawn_file_actions_addopen(
			&actions, STDOUT_FILENO, cmd->out,
			O_WRONLY | O_CREAT | (cmd->append ? O_APPEND : O_TRUNC),
			0666);
	if (err) {
		fprintf(stderr, "sh: %s\n", strerror(err));
		posix_spawn_file_actions_destroy(&actions);
		return 1;
	}
	/* What the shell printed so far comes before the program's output. */
	fflush(stdout);
	err = posix_spawnp(&pid, cmd->argv[0], &actions, NULL, cmd->argv,
			   environ);
	posix_spawn_file_actions_destroy(&actions);
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
