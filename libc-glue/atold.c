/*
 * __atold_engine(m10, e10): the long double nearest m10 * 10^e10, ties to
 * even, for picolibc's strtold and scanf's %Lf (tinystdio's conv_flt
 * gathers the decimal digits into m10 and calls this).  It replaces
 * tinystdio's, which multiplies by powers of ten in long double and so is
 * a unit off near the ends of the range (LDBL_MAX written with 21 digits);
 * here the product or quotient is exact big-integer arithmetic, rounded
 * once.  The specs make the symbol undefined from the start
 * (LIBC_OVERRIDES), so this one is linked.  Overflow gives infinity and
 * underflow 0 or a denormal, through ldexpl, which sets ERANGE.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Words of 32 bits for 10^5000 * 2^128, beyond any finite long double's digits. */
#define WORDS 530
#define MANT_BITS 64            /* long double's significand */
#define MIN_EXP (-16445)        /* its smallest denormal, 2^-16445 */
#define MIN_NORMAL_EXP (-16382)

struct big {
	uint32_t w[WORDS];
	int n;                  /* words in use, the top one nonzero */
};

static void big_set(struct big *b, unsigned __int128 v)
{
	b->n = 0;
	for (; v; v >>= 32)
		b->w[b->n++] = (uint32_t)v;
}

/* b *= m, m < 2^32; false if the result would not fit. */
static bool big_mul(struct big *b, uint32_t m)
{
	uint64_t carry = 0;

	for (int i = 0; i < b->n; i++) {
		uint64_t cur = (uint64_t)b->w[i] * m + carry;

		b->w[i] = (uint32_t)cur;
		carry = cur >> 32;
	}
	if (carry) {
		if (b->n == WORDS)
			return false;
		b->w[b->n++] = (uint32_t)carry;
	}
	return true;
}

/* b *= base^n, base 5 or 10, by its largest power below 2^32 at a time. */
static bool big_mul_pow(struct big *b, int n, uint32_t base)
{
	uint32_t step = 1;
	int per = 0;

	while (step <= UINT32_MAX / base) {
		step *= base;
		per++;
	}
	for (; n >= per; n -= per)
		if (!big_mul(b, step))
			return false;
	for (; n > 0; n--)
		if (!big_mul(b, base))
			return false;
	return true;
}

static int big_bits(const struct big *b)
{
	return b->n ? 32 * (b->n - 1) + (32 - __builtin_clz(b->w[b->n - 1])) : 0;
}

static bool big_bit(const struct big *b, int i)
{
	return i >= 0 && i / 32 < b->n && (b->w[i / 32] >> (i % 32) & 1);
}

/* Whether any bit of b below bit i is set. */
static bool big_low_nonzero(const struct big *b, int i)
{
	for (int k = 0; k < i / 32 && k < b->n; k++)
		if (b->w[k])
			return true;
	return i % 32 && i / 32 < b->n && (b->w[i / 32] & ((UINT32_C(1) << (i % 32)) - 1));
}

/* The word of (d << shift) at index i. */
static uint32_t shifted_word(const struct big *d, int shift, int i)
{
	int q = shift / 32, r = shift % 32;
	uint64_t lo = i - q >= 0 && i - q < d->n ? d->w[i - q] : 0;
	uint64_t below = r && i - q - 1 >= 0 && i - q - 1 < d->n ? d->w[i - q - 1] : 0;

	return (uint32_t)(lo << r | below >> (32 - r));
}

/* If num >= d << shift, subtracts it and returns true. */
static bool big_sub_if_ge(struct big *num, const struct big *d, int shift)
{
	int top = (big_bits(d) + shift + 31) / 32;

	if (top > num->n)
		return false;
	for (int i = num->n - 1; i >= 0; i--) {
		uint32_t a = num->w[i], b = shifted_word(d, shift, i);

		if (a != b) {
			if (a < b)
				return false;
			break;
		}
	}
	int64_t borrow = 0;
	for (int i = 0; i < num->n; i++) {
		int64_t cur = (int64_t)num->w[i] - shifted_word(d, shift, i) - borrow;

		borrow = cur < 0;
		num->w[i] = (uint32_t)(cur + (borrow ? (INT64_C(1) << 32) : 0));
	}
	while (num->n && !num->w[num->n - 1])
		num->n--;
	return true;
}

long double __atold_engine(unsigned __int128 m10, int e10);

long double __atold_engine(unsigned __int128 m10, int e10)
{
	struct big num, den;    /* 4 KiB of stack, only while converting */
	unsigned __int128 q = 0;
	bool sticky;
	int exp2;               /* the value is (q + sticky bits) * 2^exp2 */

	if (!m10)
		return 0.0L;
	/* Past every long double either way: no need to compute. */
	if (e10 > 5000)
		return ldexpl(1.0L, 20000);
	if (e10 < -5100)
		return ldexpl(1.0L, -20000);
	big_set(&num, m10);
	if (e10 >= 0) {
		/* m10 * 10^e10 exactly; keep its top 128 bits. */
		big_mul_pow(&num, e10, 10);
		int bits = big_bits(&num), low = bits > 128 ? bits - 128 : 0;

		for (int i = bits - 1; i >= low; i--)
			q = q << 1 | big_bit(&num, i);
		sticky = big_low_nonzero(&num, low);
		exp2 = low;
	} else {
		/* m10 * 2^s / 5^n, with s giving the quotient 66 bits or more. */
		int n = -e10, s;

		big_set(&den, 1);
		big_mul_pow(&den, n, 5);
		s = big_bits(&den) - big_bits(&num) + 66;
		if (s < 0)
			s = 0;
		/* num <<= s, by whole words then bits. */
		if (s) {
			int words = s / 32, r = s % 32;

			memmove(num.w + words, num.w, (size_t)num.n * sizeof num.w[0]);
			memset(num.w, 0, (size_t)words * sizeof num.w[0]);
			num.n += words;
			if (r && !big_mul(&num, UINT32_C(1) << r))
				return 0.0L;
		}
		for (int i = big_bits(&num) - big_bits(&den); i >= 0; i--)
			q = q << 1 | big_sub_if_ge(&num, &den, i);
		sticky = num.n != 0;
		exp2 = -s - n;
	}

	/* Round q to the bits a long double keeps at this exponent. */
	int qbits = 128 - (int)(q >> 64 ? __builtin_clzll((uint64_t)(q >> 64)) :
				64 + __builtin_clzll((uint64_t)q));
	int top = exp2 + qbits - 1;
	int keep = top >= MIN_NORMAL_EXP ? MANT_BITS : top - MIN_EXP + 1;
	int drop = qbits - keep;

	if (keep < 0)
		return ldexpl(1.0L, -20000);    /* below half the smallest denormal: 0 */
	if (keep == 0) {
		/* In [2^(MIN_EXP-1), 2^MIN_EXP): up unless exactly the half. */
		bool above = sticky || (q & ~((unsigned __int128)1 << (qbits - 1)));

		return ldexpl(1.0L, above ? MIN_EXP : -20000);
	}
	if (drop > 0) {
		unsigned __int128 half = (unsigned __int128)1 << (drop - 1);
		unsigned __int128 rest = q & ((half << 1) - 1);

		q >>= drop;
		exp2 += drop;
		if (rest > half || (rest == half && (sticky || (q & 1))))
			q++;
	}
	return ldexpl((long double)q, exp2);
}
