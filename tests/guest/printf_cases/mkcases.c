/*
 * mkcases SEED COUNT: prints, as a C table for check.c, COUNT random
 * floating-point conversions (flags, width, precision, %e %f %g %a and
 * their capitals, of random double and long double bit patterns,
 * denormals, infinities and NaNs among them) with the text the host's
 * printf (glibc's) gives for each.  For tests/guest/conform.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift.h"

/* A C string literal of s on stdout. */
static void literal(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	static const char convs[] = "eEfFgGaA";
	static const char *const flag_sets[] = { "", "-", "+", " ", "#", "0", "-+", "#0", "+0", " #" };
	unsigned long count;

	if (argc != 3)
		return 2;
	rng_seed(strtoull(argv[1], NULL, 0));
	count = strtoul(argv[2], NULL, 0);
	printf("static const struct { const char *format; int is_long; uint64_t mantissa; uint16_t high; const char *want; } cases[] = {\n");
	for (unsigned long i = 0; i < count; i++) {
		char format[32], text[6000], *p = format;
		int is_long = (int)(rng() % 2);
		uint64_t mantissa = rng();
		uint16_t high = (uint16_t)rng();
		int prec = (int)(rng() % 40) - 5;      /* negative: no precision */

		if (rng() % 8 == 0)
			prec = (int)(rng() % 400);
		*p++ = '%';
		p += sprintf(p, "%s", flag_sets[rng() % 10]);
		if (rng() % 3 == 0)
			p += sprintf(p, "%d", (int)(rng() % 30));
		if (prec >= 0)
			p += sprintf(p, ".%d", prec);
		if (is_long)
			*p++ = 'L';
		*p++ = convs[rng() % 8];
		*p = '\0';
		if (is_long) {
			long double x = 0;
			struct { uint64_t m; uint16_t h; } b = { mantissa, high };

			if (rng() % 10 == 0)
				b.h &= 0x8000;                  /* denormals */
			if (b.h & 0x7fff)
				b.m |= UINT64_C(1) << 63;       /* no unnormals: x87 forms C leaves alone */
			else
				b.m &= ~(UINT64_C(1) << 63);
			memcpy(&x, &b, 10);
			mantissa = b.m;
			high = b.h;
			snprintf(text, sizeof text, format, x);
		} else {
			double x;

			if (rng() % 10 == 0)
				mantissa &= ~(UINT64_C(0x7ff) << 52) | (UINT64_C(1) << 63);
			memcpy(&x, &mantissa, 8);
			snprintf(text, sizeof text, format, x);
		}
		printf("\t{ ");
		literal(format);
		printf(", %d, 0x%llxull, 0x%x, ", is_long, (unsigned long long)mantissa, high);
		literal(text);
		printf(" },\n");
	}
	printf("};\n");
	return 0;
}
