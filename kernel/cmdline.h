/*
 * A module's string, as GRUB passes it ("module2 FILE STRING..."), split
 * into the new task's environment and arguments, shell-style:
 *
 *     [NAME=value ...] program-name [args ...]
 *
 * Words are separated by spaces.  Leading words that contain '=' are the
 * environment, each NAME=value with NAME of letters, digits and '_', not
 * starting with a digit (POSIX's portable names); the first word without
 * '=' is argv[0], the task's name, and every word after it an argument.
 * A string with no program name (GRUB's "module2 FILE" gives an empty one)
 * gets "moduleN", N the module's index, as its name and only argument.
 * Pure code: tested on the host (tests/unit/test_cmdline.c).
 */
#ifndef CMDLINE_H
#define CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

#define CMDLINE_MAX      1024	/* bytes of a module string, its NUL included */
#define CMDLINE_ARGS_MAX 64	/* argv words, the program name included */
#define CMDLINE_ENV_MAX  64	/* environment words */

struct cmdline {
	char words[CMDLINE_MAX];	/* the string, each word NUL-terminated */
	char fallback[16];		/* "moduleN" */
	const char *name;		/* argv[0], or fallback until it is known */
	const char *argv[CMDLINE_ARGS_MAX];
	unsigned argc;
	const char *envp[CMDLINE_ENV_MAX];
	unsigned envc;
};

/*
 * Splits the string s of module index into out.  Returns NULL, or why s is
 * refused (too long, too many words, a malformed environment name); even
 * then out->name is what names the module in the refusal.
 */
const char *cmdline_parse(const char *s, unsigned index, struct cmdline *out);

/*
 * The kernel's own command line (GRUB's, space-separated words): the value
 * of the first word "key=VALUE", its length in *len, or NULL without one.
 */
const char *cmdline_value(const char *cmdline, const char *key, size_t *len);

/* Whether the kernel's command line has the word "key=value". */
bool cmdline_is(const char *cmdline, const char *key, const char *value);

#endif
