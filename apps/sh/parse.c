/*
 * sh's word splitting: blanks separate words; '...' keeps everything,
 * "..." keeps everything but \" and \\, which stand for " and \; a
 * backslash outside quotes takes the next character literally.  <, > and
 * >> outside quotes are operators wherever they stand; the next word is
 * their file.  # at the start of a word starts a comment.
 */
#include <stdio.h>
#include <string.h>

#include "sh.h"

enum redirect { NONE, IN, OUT, APPEND };

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_operator(char c)
{
	return c == '<' || c == '>';
}

/*
 * Copies the word at *P into *OUT (NUL-terminated), advancing both.
 * Returns 0, or -1 for an unterminated quote.
 */
static int take_word(const char **p, char **out)
{
	const char *r = *p;
	char *w = *out;

	while (*r && !is_blank(*r) && !is_operator(*r)) {
		if (*r == '\'') {
			const char *end = strchr(r + 1, '\'');
			if (!end) {
				fputs("sh: unterminated '\n", stderr);
				return -1;
			}
			memcpy(w, r + 1, (size_t)(end - r - 1));
			w += end - r - 1;
			r = end + 1;
		} else if (*r == '"') {
			for (r++; *r && *r != '"'; r++) {
				if (*r == '\\' && (r[1] == '"' || r[1] == '\\'))
					r++;
				*w++ = *r;
			}
			if (*r != '"') {
				fputs("sh: unterminated \"\n", stderr);
				return -1;
			}
			r++;
		} else if (*r == '\\' && r[1]) {
			*w++ = r[1];
			r += 2;
		} else {
			*w++ = *r++;
		}
	}
	*w++ = '\0';
	*p = r;
	*out = w;
	return 0;
}

int sh_parse(const char *line, struct sh_command *cmd)
{
	enum redirect pending = NONE;
	const char *p = line;
	char *out = cmd->text;

	if (strlen(line) > SH_LINE_MAX) {
		fprintf(stderr, "sh: line longer than %d bytes\n", SH_LINE_MAX);
		return -1;
	}
	cmd->argc = 0;
	cmd->in = cmd->out = NULL;
	cmd->append = 0;
	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (is_operator(*p)) {
			if (pending != NONE)
				goto no_file;
			if (*p == '<')
				pending = IN;
			else if (p[1] == '>')
				pending = APPEND, p++;
			else
				pending = OUT;
			p++;
			continue;
		}
		/* A word takes no more bytes than it had in line, plus its NUL, and
	 * every word but the last was followed by a blank or an operator:
	 * text never needs more than strlen(line) + 1 bytes. */
		char *start = out;
		if (take_word(&p, &out) < 0)
			return -1;
		switch (pending) {
		case IN:
			cmd->in = start;
			break;
		case OUT:
		case APPEND:
			cmd->out = start;
			cmd->append = pending == APPEND;
			break;
		case NONE:
			if (cmd->argc == SH_WORDS_MAX) {
				fprintf(stderr, "sh: more than %d words\n", SH_WORDS_MAX);
				return -1;
			}
			cmd->argv[cmd->argc++] = start;
			break;
		}
		pending = NONE;
	}
	if (pending != NONE)
		goto no_file;
	cmd->argv[cmd->argc] = NULL;
	return 0;
no_file:
	fputs("sh: a redirection needs a file\n", stderr);
	return -1;
}
