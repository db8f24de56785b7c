/*
 * What vfprintf.c and printf_float.c share (libc-glue's printf, C17
 * 7.21.6.1): a parsed conversion (struct spec), its argument (union arg),
 * and the output with its byte count and first error (struct out), with
 * the writers and the width padding every conversion uses.
 */
#ifndef RAINBOW_PRINTF_OUT_H
#define RAINBOW_PRINTF_OUT_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum size { S_INT, S_CHAR, S_SHORT, S_LONG, S_LLONG, S_INTMAX, S_SIZE, S_PTRDIFF, S_LDOUBLE };

union arg {
	long long i;
	double d;
	long double ld;
	void *p;
};

struct out {
	FILE *stream;
	size_t count;
	int error;              /* errno to report, 0 while fine */
};

struct spec {
	bool minus, plus, space, alt, zero;
	int width, prec;        /* prec -1: none */
	enum size size;
	char conv;
};

/* One byte out, counted; past INT_MAX bytes EOVERFLOW, and nothing after an error. */
static inline void put(struct out *o, char c)
{
	if (o->error)
		return;
	if (o->count >= INT_MAX) {
		o->error = EOVERFLOW;
		return;
	}
	if (putc_unlocked((unsigned char)c, o->stream) == EOF) {
		o->error = errno ? errno : EIO;
		return;
	}
	o->count++;
}

static inline void put_n(struct out *o, char c, long n)
{
	while (n-- > 0 && !o->error)
		put(o, c);
}

static inline void put_text(struct out *o, const char *s, size_t n)
{
	while (n--)
		put(o, *s++);
}

/* Width padding before (spaces or zeros) and after a field of len bytes. */
static inline void pad_before(struct out *o, const struct spec *s, long len, bool zeros_allowed)
{
	if (!s->minus && !(s->zero && zeros_allowed))
		put_n(o, ' ', s->width - len);
}

static inline void pad_zeros(struct out *o, const struct spec *s, long len, bool zeros_allowed)
{
	if (!s->minus && s->zero && zeros_allowed)
		put_n(o, '0', s->width - len);
}

static inline void pad_after(struct out *o, const struct spec *s, long len)
{
	if (s->minus)
		put_n(o, ' ', s->width - len);
}

/*
 * %a %A %e %E %f %F %g %G of a double or long double (s->size
 * S_LDOUBLE): every digit exact, rounded in the current rounding
 * direction (printf_float.c).
 */
void __rb_printf_floating(struct out *o, const struct spec *s, const union arg *a);

#endif
