/* Module strings into environment and arguments (cmdline.h).  Pure code. */
#include "cmdline.h"
#include <stdbool.h>
#include <string.h>

/* "module" and index in decimal into buf. */
static void fallback_name(char buf[16], unsigned index)
{
	char digits[10];
	unsigned n = 0;

	do
		digits[n++] = (char)('0' + index % 10);
	while ((index /= 10) && n < sizeof(digits));
	memcpy(buf, "module", 6);
	for (unsigned i = 0; i < n; i++)
		buf[6 + i] = digits[n - 1 - i];
	buf[6 + n] = '\0';
}

static bool name_start(char c)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether word, which holds '=', starts with a portable name and then '='. */
static bool good_assignment(const char *word)
{
	if (!name_start(word[0]))
		return false;
	for (const char *p = word + 1; *p != '='; p++)
		if (!name_start(*p) && !(*p >= '0' && *p <= '9'))
			return false;
	return true;
}

/*
 * The next word of *p, unquoted in place: GRUB passes each module argument
 * with a backslash before every \, ' and ", and an argument holding a
 * space in double quotes (grub_create_loader_cmdline), so a backslash takes
 * the next character as it is and double quotes group.  Returns the word,
 * or NULL at the end; *p moves past it.
 */
static char *next_word(char **p)
{
	char *in = *p, *out;
	bool quoted = false;

	while (*in == ' ')
		in++;
	if (!*in)
		return NULL;
	char *word = out = in;
	for (; *in && (quoted || *in != ' '); in++) {
		if (*in == '"') {
			quoted = !quoted;
		} else if (*in == '\\' && in[1]) {
			*out++ = *++in;
		} else {
			*out++ = *in;
		}
	}
	*p = *in ? in + 1 : in;
	*out = '\0';
	return word;
}

const char *cmdline_parse(const char *s, unsigned index, struct cmdline *out)
{
	out->argc = out->envc = 0;
	fallback_name(out->fallback, index);
	out->name = out->fallback;
	if (strlen(s) >= sizeof(out->words))
		return "command line longer than 1023 bytes";
	strcpy(out->words, s);
	char *rest = out->words;
	for (char *w = next_word(&rest); w; w = next_word(&rest)) {
		if (out->argc == 0 && strchr(w, '=')) {
			if (!good_assignment(w))
				return "malformed environment name (want NAME=value, NAME of letters, digits, _)";
			if (out->envc == CMDLINE_ENV_MAX)
				return "more than 64 environment variables";
			out->envp[out->envc++] = w;
			continue;
		}
		if (out->argc == CMDLINE_ARGS_MAX)
			return "more than 64 arguments";
		out->argv[out->argc++] = w;
		out->name = out->argv[0];
	}
	if (out->argc == 0)
		out->argv[out->argc++] = out->fallback;
	return NULL;
}

const char *cmdline_value(const char *cmdline, const char *key, size_t *len)
{
	size_t klen = strlen(key);

	for (const char *p = cmdline; *p; p++) {
		if ((p == cmdline || p[-1] == ' ') && !strncmp(p, key, klen) && p[klen] == '=') {
			p += klen + 1;
			*len = strcspn(p, " ");
			return p;
		}
	}
	return NULL;
}

bool cmdline_is(const char *cmdline, const char *key, const char *value)
{
	size_t len;
	const char *v = cmdline_value(cmdline, key, &len);

	return v && len == strlen(value) && !strncmp(v, value, len);
}
