/*
 * sh: Rainbow's small shell.  One command per line: words, quoting with
 * '...' and "..." and backslash, redirection with <, > and >>, comments
 * from #.  Builtins cd, pwd and exit; any other command is a program found
 * through PATH and started with posix_spawnp, then waited for.
 */
#ifndef SH_H
#define SH_H

#include <stddef.h>

/* The longest line and the most words the shell takes; longer is an error. */
#define SH_LINE_MAX 4096
#define SH_WORDS_MAX 128

/* One parsed command: argv (NULL-terminated) and its redirections. */
struct sh_command {
	char text[SH_LINE_MAX + 1];  /* the words, each NUL-terminated */
	char *argv[SH_WORDS_MAX + 1];
	int argc;
	const char *in;       /* < FILE, or NULL */
	const char *out;      /* > or >> FILE, or NULL */
	int append;           /* 1 for >> */
};

/*
 * sh_parse - split LINE (NUL-terminated, at most SH_LINE_MAX bytes) into CMD.
 * Returns 0, or -1 after printing the reason on stderr (unterminated quote,
 * a redirection without a file, too many words).  An empty or comment-only
 * line gives argc 0.
 */
int sh_parse(const char *line, struct sh_command *cmd);

/*
 * sh_builtin - run CMD if it names a builtin (cd, pwd, exit).
 * Returns 1 if it did (*status set; *quit set by exit), 0 otherwise.
 */
int sh_builtin(const struct sh_command *cmd, int *status, int *quit);

/*
 * sh_run - start CMD's program with its redirections and wait for it.
 * Returns the shell status: the exit status, 128+signal for a killed
 * program, 127 when it cannot be started, 1 when a redirection fails.
 */
int sh_run(const struct sh_command *cmd);

#endif
