/*
 * printf's floating-point conversions against glibc's text for the table
 * mkcases wrote (cases.h, built by tests/guest/conform.sh).  Prints TAP.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "tap.h"

static void table(void)
{
	static char got[6000];
	unsigned n = sizeof cases / sizeof cases[0], bad = 0;
	char what[400];

	for (unsigned i = 0; i < n; i++) {
		if (cases[i].is_long) {
			long double x = 0;
			struct { uint64_t m; uint16_t h; } b = { cases[i].mantissa, cases[i].high };

			memcpy(&x, &b, 10);
			snprintf(got, sizeof got, cases[i].format, x);
		} else {
			double x;

			memcpy(&x, &cases[i].mantissa, 8);
			snprintf(got, sizeof got, cases[i].format, x);
		}
		if (strcmp(got, cases[i].want) != 0 && bad++ < 5) {
			snprintf(what, sizeof what, "%s of %s 0x%x:%llx gives \"%.100s\" (glibc \"%.100s\")",
				 cases[i].format, cases[i].is_long ? "long double" : "double",
				 cases[i].high, (unsigned long long)cases[i].mantissa, got, cases[i].want);
			check(0, what);
		}
	}
	snprintf(what, sizeof what, "%u of %u random conversions give glibc's text", n - bad, n);
	check(bad == 0, what);
}

static const struct tap_test tests[] = {
	{ table, "printf's floating-point conversions against glibc's" },
};

int main(void)
{
	return TAP_RUN(tests);
}
