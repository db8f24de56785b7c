/*
 * TAP for test programs in C (see tap.h).
 */
#include <stdio.h>

#include "tap.h"

static int checks, failed;

int check(int ok, const char *what)
{
	checks++;
	failed |= !ok;
	printf("%s %d - %s\n", ok ? "ok" : "not ok", checks, what);
	return ok;
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
