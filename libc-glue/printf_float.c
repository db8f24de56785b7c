/*
 * printf's floating-point conversions (printf_out.h): %e, %f, %g of double
 * and long double with every digit exact, from the binary value through
 * decimal.c, rounded in the current rounding direction; %a in hex; inf
 * and nan.
 */
#include <fenv.h>
#include <stdint.h>
#include <string.h>

#include "decimal.h"
#include "printf_out.h"

/* A finite or not value as sign, m * 2^e, and the digits of %a. */
struct binary {
	bool negative, inf, nan;
	uint64_t m;
	int e;
	int lead_bits;          /* bits of m before the point of %a: 1 or 4 */
	int a_exp;              /* the exponent %a prints with m as it is */
};

static struct binary from_double(double x)
{
	uint64_t bits;
	struct binary b;
	int exp;

	memcpy(&bits, &x, sizeof bits);
	b = (struct binary){ .negative = bits >> 63, .lead_bits = 1 };
	exp = (int)(bits >> 52 & 0x7ff);
	b.m = bits & ((UINT64_C(1) << 52) - 1);
	if (exp == 0x7ff) {
		b.inf = !b.m;
		b.nan = !!b.m;
	} else if (exp == 0) {
		b.e = 1 - 1075;
		b.a_exp = b.m ? -1022 : 0;
	} else {
		b.m |= UINT64_C(1) << 52;
		b.e = exp - 1075;
		b.a_exp = exp - 1023;
	}
	/* %a prints m's 52 fraction bits as 13 digits after one lead bit. */
	return b;
}

static struct binary from_long_double(long double x)
{
	struct { uint64_t m; uint16_t sign_exp; } bits;
	struct binary b;
	int exp;

	memcpy(&bits, &x, sizeof bits);
	b = (struct binary){ .negative = bits.sign_exp >> 15, .m = bits.m, .lead_bits = 4 };
	exp = bits.sign_exp & 0x7fff;
	if (exp == 0x7fff) {
		b.inf = !(bits.m << 1);
		b.nan = !b.inf;
	} else {
		/* The integer bit is explicit; exponent 0 reads as 1 (denormals). */
		b.e = (exp ? exp : 1) - 16383 - 63;
		b.a_exp = b.m ? (exp ? exp : 1) - 16383 - 3 : 0;
	}
	return b;
}

static const char *sign_of(const struct spec *s, bool negative)
{
	return negative ? "-" : s->plus ? "+" : s->space ? " " : "";
}

static void not_finite(struct out *o, const struct spec *s, const struct binary *b)
{
	bool upper = s->conv >= 'A' && s->conv <= 'Z';
	const char *text = b->nan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
	const char *sign = sign_of(s, b->negative);
	long total = (long)strlen(sign) + 3;

	pad_before(o, s, total, false);
	put_text(o, sign, strlen(sign));
	put_text(o, text, 3);
	pad_after(o, s, total);
}

/*
 * An exponent's text, "e+05" or "p-1022", into buf with at least min
 * digits; returns its length (nul not counted).
 */
static size_t exponent_text(char buf[8], char e, long x, size_t min)
{
	char digits[6];
	size_t n = 0, len = 0;
	unsigned long u = x < 0 ? (unsigned long)-x : (unsigned long)x;

	buf[len++] = e;
	buf[len++] = x < 0 ? '-' : '+';
	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10));
	while (n < min)
		digits[n++] = '0';
	while (n)
		buf[len++] = digits[--n];
	buf[len] = '\0';
	return len;
}

/*
 * %f and %e of a finite value from its digit stream, rounded at r; lead
 * is the index of the first digit printed, point the index of the first
 * after the decimal point, frac the digits printed after it, exp the
 * exponent text ("" for %f).
 */
static void fixed_digits(struct out *o, const struct spec *s, bool negative,
			 struct decimal *d, const struct decimal_rounding *r,
			 long lead, long point, long frac, const char *exp)
{
	const char *sign = sign_of(s, negative);
	bool dot = frac > 0 || s->alt;
	long shown = point - lead + frac;       /* digits from lead on, some maybe past r->end */
	long total = (long)strlen(sign) + (point - lead) + dot + frac + (long)strlen(exp);

	pad_before(o, s, total, true);
	put_text(o, sign, strlen(sign));
	pad_zeros(o, s, total, true);
	for (long i = lead; i < lead + shown && !o->error; i++) {
		if (i == point && dot)
			put(o, '.');
		put(o, i < r->end ? decimal_digit(d, r, i) : '0');
	}
	if (dot && frac == 0)
		put(o, '.');
	put_text(o, exp, strlen(exp));
	pad_after(o, s, total);
}

/* %e (or %g in e style) with prec digits after the point. */
static void e_style(struct out *o, const struct spec *s, bool negative, struct decimal *d,
		    long prec, bool strip)
{
	char exp[8];
	long first = d->m ? decimal_first_nonzero(d) : 0;
	struct decimal_rounding r = decimal_round(d, first + prec + 1, negative);
	long lead = first, x;

	if (!d->m) {
		x = 0;
		lead = d->int_digits - 1;       /* the virtual 0 before the stream */
	} else {
		if (r.up && r.last_not_nine < first)
			lead = first - 1;       /* the carry made a new first digit */
		x = d->int_digits - 1 - lead;
	}
	if (strip)
		prec = r.last_nonzero > lead ? r.last_nonzero - lead : 0;
	exponent_text(exp, s->conv == 'E' || s->conv == 'G' ? 'E' : 'e', x, 2);
	fixed_digits(o, s, negative, d, &r, lead, lead + 1, prec, exp);
}

/* %f (or %g in f style) with prec digits after the point. */
static void f_style(struct out *o, const struct spec *s, bool negative, struct decimal *d,
		    long prec, bool strip)
{
	long point = d->int_digits;
	struct decimal_rounding r = decimal_round(d, point + prec, negative);
	long lead = point ? 0 : -1;

	if (r.up && r.last_not_nine < lead)
		lead = -1;
	if (strip)
		prec = r.last_nonzero >= point ? r.last_nonzero - point + 1 : 0;
	fixed_digits(o, s, negative, d, &r, lead, point, prec, "");
}

/* %g: P significant digits, in f style when the exponent is -4 to P - 1. */
static void g_style(struct out *o, const struct spec *s, bool negative, struct decimal *d)
{
	long p = s->prec < 0 ? 6 : s->prec ? s->prec : 1, x = 0;

	if (d->m) {
		long first = decimal_first_nonzero(d);
		struct decimal_rounding r = decimal_round(d, first + p, negative);

		x = d->int_digits - 1 - first + (r.up && r.last_not_nine < first);
	}
	if (x >= -4 && x < p)
		f_style(o, s, negative, d, p - 1 - x, !s->alt);
	else
		e_style(o, s, negative, d, p - 1, !s->alt);
}

/* %a: hexadecimal, exact without a precision, else rounded to it. */
static void hex_float(struct out *o, const struct spec *s, struct binary b)
{
	const char *digit_set = s->conv == 'A' ? "0123456789ABCDEF" : "0123456789abcdef";
	int frac_bits = b.lead_bits == 1 ? 52 : 60;
	int frac_digits = frac_bits / 4, prec = s->prec;
	uint64_t lead = b.m >> frac_bits, frac = b.m & ((UINT64_C(1) << frac_bits) - 1);
	char exp[8], text[24];
	const char *sign = sign_of(s, b.negative);

	if (prec < 0) {
		prec = frac_digits;
		while (prec && !(frac >> 4 * (frac_digits - prec) & 0xf))
			prec--;
	} else if (prec < frac_digits) {
		int drop = 4 * (frac_digits - prec);
		uint64_t kept = b.m >> drop, rest = b.m & ((UINT64_C(1) << drop) - 1);
		uint64_t half = UINT64_C(1) << (drop - 1);
		int mode = fegetround();

		if (mode == FE_TONEAREST ? rest > half || (rest == half && (kept & 1)) :
		    mode == FE_UPWARD ? rest && !b.negative :
		    mode == FE_DOWNWARD ? rest && b.negative : false)
			kept++;
		lead = kept >> (frac_bits - drop);
		frac = (kept & ((UINT64_C(1) << (frac_bits - drop)) - 1)) << drop;
		if (lead > 0xf) {
			/* A long double's 0xf.f... carried to 0x10: 0x1.0 at 4 more. */
			lead = 1;
			b.a_exp += 4;
		}
	}
	size_t n = 0;

	text[n++] = '0';
	text[n++] = s->conv == 'A' ? 'X' : 'x';
	text[n++] = digit_set[lead];
	if (prec || s->alt)
		text[n++] = '.';
	for (int i = 0; i < prec && i < frac_digits; i++)
		text[n++] = digit_set[frac >> 4 * (frac_digits - 1 - i) & 0xf];
	size_t elen = exponent_text(exp, s->conv == 'A' ? 'P' : 'p', b.a_exp, 1);
	long zeros = prec > frac_digits ? prec - frac_digits : 0;
	long total = (long)(strlen(sign) + n + elen) + zeros;

	pad_before(o, s, total, true);
	put_text(o, sign, strlen(sign));
	put_text(o, text, 2);
	pad_zeros(o, s, total, true);
	put_text(o, text + 2, n - 2);
	put_n(o, '0', zeros);
	put_text(o, exp, elen);
	pad_after(o, s, total);
}

void __rb_printf_floating(struct out *o, const struct spec *s, const union arg *a)
{
	struct binary b = s->size == S_LDOUBLE ? from_long_double(a->ld) : from_double(a->d);
	struct decimal d;
	char c = (char)(s->conv | 0x20);
	long prec = s->prec < 0 ? 6 : s->prec;

	if (b.inf || b.nan) {
		not_finite(o, s, &b);
		return;
	}
	if (c == 'a') {
		hex_float(o, s, b);
		return;
	}
	decimal_init(&d, b.m, b.e);
	if (c == 'f')
		f_style(o, s, b.negative, &d, prec, false);
	else if (c == 'e')
		e_style(o, s, b.negative, &d, prec, false);
	else
		g_style(o, s, b.negative, &d);
}
