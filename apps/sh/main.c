/*
 * sh: a small shell, to show files and processes working together.
 *   sh            read commands from standard input, one per line
 *   sh -c LINE    run one line
 * The prompt "$ " is printed before each line when standard input is a
 * terminal.  The shell's status is the last command's; a failed command
 * prints its reason and the shell goes on.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static struct sh_command cmd;

/* Runs one line; returns 1 when the shell should quit. */
static int run_line(const char *line, int *status)
{
	int quit = 0;

	if (sh_parse(line, &cmd) < 0) {
		*status = 2;
		return 0;
	}
	if (cmd.argc == 0)
		return 0;
	if (!sh_builtin(&cmd, status, &quit))
		*status = sh_run(&cmd);
	return quit;
}

int main(int argc, char **argv)
{
	static char line[SH_LINE_MAX + 2];
	int interactive = isatty(STDIN_FILENO);
	int status = 0;

	if (argc == 3 && !strcmp(argv[1], "-c")) {
		run_line(argv[2], &status);
		return status;
	}
	if (argc != 1) {
		fputs("usage: sh [-c LINE]\n", stderr);
		return 2;
	}
	for (;;) {
		if (interactive) {
			fputs("$ ", stdout);
			fflush(stdout);
		}
		if (!fgets(line, sizeof(line), stdin))
			break;
		size_t len = strlen(line);
		if (len > SH_LINE_MAX && line[len - 1] != '\n') {
			fprintf(stderr, "sh: line longer than %d bytes\n", SH_LINE_MAX);
			/* Drop the rest of the line. */
			int c;
			while ((c = getchar()) != EOF && c != '\n')
				;
			status = 2;
			continue;
		}
		if (run_line(line, &status))
			break;
	}
	return status;
}
