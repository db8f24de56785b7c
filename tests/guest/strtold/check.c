/*
 * strtold and sscanf's %Lf against glibc's correctly rounded results for
 * the table mkcases wrote (cases.h, built by tests/guest/conform.sh).
 * Prints TAP.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "tap.h"

static int same(long double x, uint64_t mantissa, uint16_t sign_exponent)
{
	struct { uint64_t mantissa; uint16_t sign_exponent; } b = { 0, 0 };

	memcpy(&b, &x, 10);
	return b.mantissa == mantissa && b.sign_exponent == sign_exponent;
}

static void table(void)
{
	unsigned n = sizeof cases / sizeof cases[0], bad_strtold = 0, bad_scanf = 0;
	char what[160];

	for (unsigned i = 0; i < n; i++) {
		long double scanned = 0;

		if (!same(strtold(cases[i].text, NULL), cases[i].mantissa, cases[i].sign_exponent) &&
		    bad_strtold++ < 5) {
			snprintf(what, sizeof what, "strtold(\"%s\") is not glibc's", cases[i].text);
			check(0, what);
		}
		sscanf(cases[i].text, "%Lf", &scanned);
		bad_scanf += !same(scanned, cases[i].mantissa, cases[i].sign_exponent);
	}
	snprintf(what, sizeof what, "strtold: %u of %u strings give glibc's long double", n - bad_strtold, n);
	check(bad_strtold == 0, what);
	snprintf(what, sizeof what, "sscanf %%Lf: %u of %u strings give glibc's long double", n - bad_scanf, n);
	check(bad_scanf == 0, what);
}

static const struct tap_test tests[] = {
	{ table, "strtold and sscanf %Lf, correctly rounded" },
};

int main(void)
{
	return TAP_RUN(tests);
}
