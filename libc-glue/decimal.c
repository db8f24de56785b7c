/*
 * The exact decimal digits of m * 2^e (decimal.h): the integer part by
 * repeated division of a big integer by 10^9, the fraction nine digits at
 * a time by multiplying a fixed-point big number by 10^9 and taking what
 * crosses the binary point.  Every digit is exact, so rounding at any
 * place is correct, as C17 7.21.6.1 asks of printf.
 */
#include <fenv.h>
#include <string.h>

#include "decimal.h"

#define BILLION 1000000000u

/* Writes the nine digits of v < 10^9 into out. */
static void nine_digits(char out[9], uint32_t v)
{
	for (int i = 8; i >= 0; i--, v /= 10)
		out[i] = (char)('0' + v % 10);
}

/* The integer part m * 2^e (e >= 0) or m >> -e into d->int_text. */
static void integer_part(struct decimal *d)
{
	uint32_t *w = d->words;
	int n = 0;
	char *end = d->int_text + DECIMAL_INT_MAX, *p = end;

	if (d->e >= 0) {
		unsigned __int128 v = (unsigned __int128)d->m << (d->e % 32);

		n = d->e / 32;
		memset(w, 0, (size_t)n * sizeof *w);
		for (int i = 0; i < 3; i++, v >>= 32)
			w[n++] = (uint32_t)v;
	} else if (d->e > -64) {
		uint64_t v = d->m >> -d->e;

		w[n++] = (uint32_t)v;
		w[n++] = (uint32_t)(v >> 32);
	}
	while (n && !w[n - 1])
		n--;
	while (n) {
		uint64_t rem = 0;

		for (int i = n - 1; i >= 0; i--) {
			uint64_t cur = rem << 32 | w[i];

			w[i] = (uint32_t)(cur / BILLION);
			rem = cur % BILLION;
		}
		p -= 9;
		nine_digits(p, (uint32_t)rem);
		while (n && !w[n - 1])
			n--;
	}
	while (p < end && *p == '0')
		p++;
	d->int_digits = end - p;
	memmove(d->int_text, p, (size_t)d->int_digits);
}

/* Puts the fraction back at its first digit. */
static void fraction_start(struct decimal *d)
{
	int k = d->e < 0 ? -d->e : 0;		/* bits below the point */
	uint64_t f = k >= 64 ? d->m : k ? d->m & ((UINT64_C(1) << k) - 1) : 0;
	int low;

	d->nwords = (k + 31) / 32;
	memset(d->words, 0, (size_t)d->nwords * sizeof d->words[0]);
	low = d->nwords * 32 - k;		/* f's lowest bit, from the bottom */
	for (int bit = 0; bit < 64 && f; bit++, f >>= 1)
		if (f & 1)
			d->words[(low + bit) / 32] |= UINT32_C(1) << ((low + bit) % 32);
	d->chunk_next = 9;
	d->index = d->int_digits;
}

static bool fraction_zero(const struct decimal *d)
{
	for (int i = 0; i < d->nwords; i++)
		if (d->words[i])
			return false;
	return true;
}

/* Nine more fraction digits into d->chunk. */
static void refill(struct decimal *d)
{
	uint64_t carry = 0;

	for (int i = 0; i < d->nwords; i++) {
		uint64_t cur = (uint64_t)d->words[i] * BILLION + carry;

		d->words[i] = (uint32_t)cur;
		carry = cur >> 32;
	}
	nine_digits(d->chunk, (uint32_t)carry);
	d->chunk_next = 0;
}

void decimal_init(struct decimal *d, uint64_t m, int e)
{
	d->m = m;
	d->e = e;
	integer_part(d);
	fraction_start(d);
}

/*
 * Whether every digit from index i on is 0: i in the integer part, or in
 * the fraction at most one past the generator's position.
 */
static bool zero_from(const struct decimal *d, long i)
{
	if (i < d->int_digits) {
		for (long j = i < 0 ? 0 : i; j < d->int_digits; j++)
			if (d->int_text[j] != '0')
				return false;
		return d->e >= 0 || (d->e > -64 && !(d->m & ((UINT64_C(1) << -d->e) - 1)));
	}
	for (int j = d->chunk_next + (int)(i - d->index); j < 9 && j >= 0; j++)
		if (d->chunk[j] != '0')
			return false;
	return fraction_zero(d);
}

/* The digit at index i, before rounding. */
static char raw_digit(struct decimal *d, long i)
{
	if (i < 0)
		return '0';
	if (i < d->int_digits)
		return d->int_text[i];
	if (i < d->index)
		fraction_start(d);
	while (d->index < i) {
		if (d->chunk_next == 9 && fraction_zero(d))
			return '0';
		if (d->chunk_next == 9)
			refill(d);
		d->chunk_next++;
		d->index++;
	}
	if (d->chunk_next == 9) {
		if (fraction_zero(d))
			return '0';
		refill(d);
	}
	return d->chunk[d->chunk_next];
}

long decimal_first_nonzero(struct decimal *d)
{
	long i = 0;

	while (raw_digit(d, i) == '0')
		i++;
	return i;
}

struct decimal_rounding decimal_round(struct decimal *d, long end, bool negative)
{
	struct decimal_rounding r = { .end = end, .last_not_nine = -1, .last_nonzero = -2 };
	long i;
	char next;
	bool rest;

	for (i = -1; i < end; i++) {
		char c = raw_digit(d, i);

		if (c != '9')
			r.last_not_nine = i;
		if (c != '0')
			r.last_nonzero = i;
		/* Past the last digit of the value every digit is 0. */
		if (i >= d->int_digits && zero_from(d, i + 1)) {
			r.last_not_nine = end - 1;
			return r;
		}
	}
	next = raw_digit(d, end);
	rest = !zero_from(d, end + 1);
	switch (fegetround()) {
	case FE_UPWARD:
		r.up = !negative && (next != '0' || rest);
		break;
	case FE_DOWNWARD:
		r.up = negative && (next != '0' || rest);
		break;
	case FE_TOWARDZERO:
		break;
	default:
		r.up = next > '5' || (next == '5' && (rest || (raw_digit(d, end - 1) - '0') % 2));
	}
	if (r.up)
		r.last_nonzero = r.last_not_nine;
	return r;
}

char decimal_digit(struct decimal *d, const struct decimal_rounding *r, long i)
{
	if (!r->up || i < r->last_not_nine)
		return raw_digit(d, i);
	if (i == r->last_not_nine)
		return (char)(raw_digit(d, i) + 1);
	return '0';
}
