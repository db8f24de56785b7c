/*
 * The exact decimal digits of a binary floating-point value, for printf's
 * %e, %f and %g (decimal.c).  Not installed.
 *
 * A finite value m * 2^e (m < 2^64) reads as a stream of decimal digits:
 * its integer part without leading zeros (no digits when it is below 1),
 * then every digit of its fraction, then zeros forever.  Index 0 is the
 * stream's first digit, int_digits the number before the decimal point;
 * index -1 is a virtual leading 0, where a rounding carry can land.
 */
#ifndef RAINBOW_DECIMAL_H
#define RAINBOW_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Words of 32 bits for 2^16384 and for a fraction of 16445 + 64 bits. */
#define DECIMAL_WORDS 520
/* Digits of the largest integer part, 2^16384 * 2^64 < 10^4952. */
#define DECIMAL_INT_MAX 4952

struct decimal {
	uint64_t m;
	int e;
	/* The integer part, most significant digit first. */
	char int_text[DECIMAL_INT_MAX];
	long int_digits;
	/* The fraction, as fixed point below the top of words[0..nwords). */
	uint32_t words[DECIMAL_WORDS];
	int nwords;
	char chunk[9];          /* the fraction digits being handed out */
	int chunk_next;         /* next of chunk[], 9 when used up */
	long index;             /* stream index of the next digit */
};

/* Rounding the stream to the digits before index end. */
struct decimal_rounding {
	long end;
	bool up;                /* add one at end - 1, with carries */
	long last_not_nine;     /* last index below end that takes the carry */
	long last_nonzero;      /* last index below end not 0 after rounding, or -2 */
};

/* Sets d up for the value m * 2^e, e from -16509 to 16320. */
void decimal_init(struct decimal *d, uint64_t m, int e);

/* The stream index of the first digit that is not 0 (d must not be 0). */
long decimal_first_nonzero(struct decimal *d);

/*
 * Rounds at end in the rounding direction of <fenv.h> (ties to even when
 * to nearest), negative telling which way is down.
 */
struct decimal_rounding decimal_round(struct decimal *d, long end, bool negative);

/* The digit ('0'..'9') at index i >= -1 after rounding r (i < r->end). */
char decimal_digit(struct decimal *d, const struct decimal_rounding *r, long i);

#endif
