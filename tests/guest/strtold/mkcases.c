/*
 * mkcases SEED COUNT: prints, as a C table for check.c, COUNT decimal
 * strings of random long doubles (normal and denormal, 10 to 30
 * significant digits) with the bits the host's strtold (glibc's, correctly
 * rounded) gives for each.  For tests/guest/conform.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift.h"

struct bits {
	uint64_t mantissa;
	uint16_t sign_exponent;
};

int main(int argc, char **argv)
{
	unsigned long count;

	if (argc != 3)
		return 2;
	rng_seed(strtoull(argv[1], NULL, 0));
	count = strtoul(argv[2], NULL, 0);
	printf("static const struct { const char *text; uint64_t mantissa; uint16_t sign_exponent; } cases[] = {\n");
	for (unsigned long i = 0; i < count; i++) {
		struct bits b = { rng(), (uint16_t)(rng() % 32767) }, got = { 0, 0 };
		long double x = 0, y;
		char text[64];

		if (i % 10 == 0)
			b.sign_exponent %= 3;   /* denormals and the smallest normals */
		if (b.sign_exponent)
			b.mantissa |= UINT64_C(1) << 63;
		else
			b.mantissa &= ~(UINT64_C(1) << 63);
		memcpy(&x, &b, 10);
		snprintf(text, sizeof text, "%.*Lg", (int)(10 + rng() % 21), x);
		y = strtold(text, NULL);
		memcpy(&got, &y, 10);
		printf("\t{ \"%s\", 0x%llxull, 0x%x },\n", text, (unsigned long long)got.mantissa,
		       got.sign_exponent);
	}
	printf("};\n");
	return 0;
}
