/*
 * The environment a bundle line gives its task, shell-style
 * (tests/guest/env.bundle: "HOME=/ LANG=C.UTF-8 EMPTY= test_env one A=b"):
 * envp, environ and getenv carry the NAME=value words before the program's
 * path, and words with '=' after it stay arguments.  setenv, unsetenv and
 * putenv then work on that environment as C and POSIX say.
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"

extern char **environ;

static int argc_;
static char **argv_, **envp_;

static unsigned count(char **v)
{
	unsigned n = 0;

	while (v && v[n])
		n++;
	return n;
}

static void from_the_bundle_line(void)
{
	check(count(envp_) == 3 && strcmp(envp_[0], "HOME=/") == 0 &&
	      strcmp(envp_[1], "LANG=C.UTF-8") == 0 && strcmp(envp_[2], "EMPTY=") == 0,
	      "envp holds HOME=/, LANG=C.UTF-8, EMPTY=, in the line's order");
	check(environ == envp_, "environ is main's envp");
	check(getenv("HOME") && strcmp(getenv("HOME"), "/") == 0, "getenv(\"HOME\") is \"/\"");
	check(getenv("LANG") && strcmp(getenv("LANG"), "C.UTF-8") == 0, "getenv(\"LANG\") is \"C.UTF-8\"");
	check(getenv("EMPTY") && getenv("EMPTY")[0] == '\0', "getenv of a variable set empty: \"\"");
	check(getenv("PATH") == NULL && getenv("HOM") == NULL && getenv("HOME=") == NULL,
	      "getenv of names not set: NULL");
}

static void arguments_stay_arguments(void)
{
	check(argc_ == 3 && strcmp(argv_[0], "test_env") == 0 && strcmp(argv_[1], "one") == 0 &&
	      strcmp(argv_[2], "A=b") == 0, "argv is test_env, one, A=b: '=' after the name is an argument's");
	check(getenv("A") == NULL, "A=b after the name sets nothing");
}

static void changes(void)
{
	check(setenv("HOME", "/home", 1) == 0 && strcmp(getenv("HOME"), "/home") == 0,
	      "setenv replaces HOME");
	check(setenv("LANG", "fr", 0) == 0 && strcmp(getenv("LANG"), "C.UTF-8") == 0,
	      "setenv without overwrite keeps LANG");
	check(unsetenv("EMPTY") == 0 && getenv("EMPTY") == NULL, "unsetenv removes EMPTY");
	check(putenv("NEW=1") == 0 && strcmp(getenv("NEW"), "1") == 0, "putenv adds NEW");
}

static const struct tap_test tests[] = {
	{ from_the_bundle_line, "the environment of the bundle line" },
	{ arguments_stay_arguments, "words after the program's name" },
	{ changes, "setenv, unsetenv, putenv" },
};

int main(int argc, char **argv, char **envp)
{
	argc_ = argc;
	argv_ = argv;
	envp_ = envp;
	return TAP_RUN(tests);
}
