/*
 * sh's builtins: the commands that change the shell itself.
 *   cd [DIR]    change directory (DIR defaults to $HOME, else /)
 *   pwd         print the working directory
 *   exit [N]    leave the shell with status N (default: the last status)
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static int cd(const struct sh_command *cmd)
{
	const char *dir = cmd->argc > 1 ? cmd->argv[1] : getenv("HOME");

	if (cmd->argc > 2) {
		fputs("cd: too many arguments\n", stderr);
		return 1;
	}
	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int pwd(void)
{
	char buf[PATH_MAX];

	if (!getcwd(buf, sizeof(buf))) {
		fprintf(stderr, "pwd: %s\n", strerror(errno));
		return 1;
	}
	puts(buf);
	return 0;
}

static int exit_status(const struct sh_command *cmd, int last)
{
	char *end;
	long n;

	if (cmd->argc == 1)
		return last;
	errno = 0;
	n = strtol(cmd->argv[1], &end, 10);
	if (cmd->argc > 2 || *end || end == cmd->argv[1] || errno) {
		fprintf(stderr, "exit: bad status '%s'\n", cmd->argv[1]);
		return 2;
	}
	return (int)(n & 0xff);
}

int sh_builtin(const struct sh_command *cmd, int *status, int *quit)
{
	const char *name = cmd->argv[0];

	if (!strcmp(name, "cd"))
		*status = cd(cmd);
	else if (!strcmp(name, "pwd"))
		*status = pwd();
	else if (!strcmp(name, "exit")) {
		*status = exit_status(cmd, *status);
		*quit = 1;
	} else
		return 0;
	fflush(stdout);
	return 1;
}
