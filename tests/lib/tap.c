/*
 * TAP for test programs in C (see tap.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

static int checks, failed;

int check(int ok, const char *what)
{
	checks++;
	failed |= !ok;
	printf("%s %d - %s\n", ok ? "ok" : "not ok", checks, what);
	return ok;
}

int check_format(const char *want, const char *fmt, ...)
{
	char got[1200], what[2600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(got, sizeof got, fmt, ap);
	va_end(ap);
	snprintf(what, sizeof what, "\"%s\" gives \"%s\" (got \"%s\")", fmt, want, got);
	return check(strcmp(got, want) == 0, what);
}

int tap_done(void)
{
	printf("1..%d\n", checks);
	return failed;
}

int tap_run(const struct tap_test *tests, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		printf("# %s\n", tests[i].name);
		tests[i].run();
	}
	return tap_done();
}
