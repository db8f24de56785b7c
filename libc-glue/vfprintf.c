/*
 * vfprintf(), under every function of the printf family (printf, fprintf,
 * sprintf, snprintf, asprintf, dprintf, their v forms): C17 7.21.6.1 with
 * POSIX's numbered arguments (%n$, *n$).  It replaces picolibc's tinystdio
 * vfprintf, whose floating-point conversions give at most 17 significant
 * digits of a double and 20 of a long double and pad the rest with zeros;
 * here every digit is exact and rounded in the current rounding direction
 * (decimal.c), for double and long double alike.  The specs make vfprintf
 * and __d_vfprintf undefined from the start (LIBC_OVERRIDES), so that this
 * one is linked, also where libc.a's own snprintf asks for it.
 *
 * A '%' that starts no valid conversion is printed as it stands (C leaves
 * it undefined; glibc and tinystdio print it).  Output goes through
 * putc_unlocked() to any tinystdio stream, locked once for the whole call
 * (flockfile), so that one call's output stays whole.  Returns the number
 * of bytes written, or -1 with errno: EOVERFLOW past INT_MAX bytes, EILSEQ
 * for a wide character with no multibyte form, EINVAL for a format that
 * mixes numbered and unnumbered arguments or skips a number, or the
 * stream's error.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "printf_out.h"

#define NUMBERED_MAX 64         /* %n$ arguments, NL_ARGMAX's sense */

enum kind { A_NONE, A_INT, A_LONG, A_DOUBLE, A_LDOUBLE, A_PTR };

static enum kind kind_of(char conv, enum size size)
{
	switch (conv) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
		return size == S_INT || size == S_CHAR || size == S_SHORT ? A_INT : A_LONG;
	case 'c':
		return A_INT;
	case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
		return size == S_LDOUBLE ? A_LDOUBLE : A_DOUBLE;
	case 's': case 'p': case 'n':
		return A_PTR;
	default:
		return A_NONE;
	}
}

/* The next argument of the va_list, of kind, into *a. */
static void fetch(va_list *ap, enum kind kind, union arg *a)
{
	switch (kind) {
	case A_INT: a->i = va_arg(*ap, int); break;
	case A_LONG: a->i = va_arg(*ap, long long); break;
	case A_DOUBLE: a->d = va_arg(*ap, double); break;
	case A_LDOUBLE: a->ld = va_arg(*ap, long double); break;
	case A_PTR: a->p = va_arg(*ap, void *); break;
	case A_NONE: break;
	}
}

/* A decimal number at *f, or -1 if it passes INT_MAX. */
static int number(const char **f)
{
	long n = 0;

	while (**f >= '0' && **f <= '9') {
		n = n * 10 + (*(*f)++ - '0');
		if (n > INT_MAX)
			n = INT_MAX + 1L;
	}
	return n > INT_MAX ? -1 : (int)n;
}

/* "n$" at *f: n, moving past it; else 0 and *f unchanged. */
static int numbered(const char **f)
{
	const char *p = *f;
	int n = number(&p);

	if (n > 0 && *p == '$') {
		*f = p + 1;
		return n;
	}
	return 0;
}

/* The argument source: in order from the va_list, or by number. */
struct args {
	va_list ap;
	bool by_number;
	union arg value[NUMBERED_MAX];
};

/*
 * Parses one conversion after its '%' at *f into s.  Widths and
 * precisions given by '*' are taken through args.  Returns the number of
 * the argument (0 when in order), or -1 for a malformed conversion.
 */
static int parse(const char **f, struct spec *s, struct args *args, bool collect,
		 enum kind kinds[NUMBERED_MAX])
{
	int arg = numbered(f);

	*s = (struct spec){ .prec = -1 };
	for (;; (*f)++) {
		switch (**f) {
		case '-': s->minus = true; continue;
		case '+': s->plus = true; continue;
		case ' ': s->space = true; continue;
		case '#': s->alt = true; continue;
		case '0': s->zero = true; continue;
		case '\'': continue;   /* POSIX's grouping: no locale here groups digits */
		}
		break;
	}
	for (int *field = &s->width; field; field = field == &s->width ? &s->prec : NULL) {
		if (field == &s->prec) {
			if (**f != '.')
				break;
			(*f)++;
		}
		if (**f == '*') {
			int n;

			(*f)++;
			n = numbered(f);
			if (collect) {
				if (n > NUMBERED_MAX || (n == 0) != (arg == 0))
					return -1;
				if (n)
					kinds[n - 1] = A_INT;
				continue;
			}
			*field = (int)(n ? args->value[n - 1].i : va_arg(args->ap, int));
			if (field == &s->width && *field < 0) {
				s->minus = true;
				*field = *field == INT_MIN ? INT_MAX : -*field;
			} else if (*field < 0) {
				*field = -1;
			}
		} else {
			*field = number(f);
			if (*field < 0)
				return -1;
		}
	}
	switch (*(*f)++) {
	case 'h': s->size = **f == 'h' ? ((*f)++, S_CHAR) : S_SHORT; break;
	case 'l': s->size = **f == 'l' ? ((*f)++, S_LLONG) : S_LONG; break;
	case 'j': s->size = S_INTMAX; break;
	case 'z': s->size = S_SIZE; break;
	case 't': s->size = S_PTRDIFF; break;
	case 'L': s->size = S_LDOUBLE; break;
	default: (*f)--;
	}
	s->conv = **f;
	if (**f)
		(*f)++;
	if (s->conv == '%')
		return 0;
	if (kind_of(s->conv, s->size) == A_NONE)
		return -1;
	if (arg > NUMBERED_MAX)
		return -1;
	if (collect && arg)
		kinds[arg - 1] = kind_of(s->conv, s->size);
	return arg;
}

/* ---- integers ----------------------------------------------------------- */

static void integer(struct out *o, const struct spec *s, long long value)
{
	unsigned long long u;
	bool negative = false, is_signed = s->conv == 'd' || s->conv == 'i';
	unsigned base = s->conv == 'o' ? 8 : s->conv == 'x' || s->conv == 'X' ? 16 : 10;
	const char *digit_set = s->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24], *p = digits + sizeof digits;
	const char *prefix = "";
	long len, zeros;

	switch (s->size) {
	case S_CHAR: u = is_signed ? (unsigned long long)(signed char)value : (unsigned char)value; break;
	case S_SHORT: u = is_signed ? (unsigned long long)(short)value : (unsigned short)value; break;
	case S_INT: u = is_signed ? (unsigned long long)(int)value : (unsigned)value; break;
	case S_LONG: u = is_signed ? (unsigned long long)(long)value : (unsigned long)value; break;
	case S_SIZE: u = (size_t)value; break;
	default: u = (unsigned long long)value;
	}
	if (is_signed && (long long)u < 0) {
		negative = true;
		u = -u;
	}
	while (u) {
		*--p = digit_set[u % base];
		u /= base;
	}
	len = digits + sizeof digits - p;
	zeros = s->prec > len ? s->prec - len : 0;
	if (s->prec < 0 && len == 0)
		zeros = 1;
	if (s->alt && base == 8 && zeros == 0 && (len == 0 || *p != '0'))
		zeros = 1;
	if (s->alt && base == 16 && len)
		prefix = s->conv == 'X' ? "0X" : "0x";
	if (negative)
		prefix = "-";
	else if (is_signed && s->plus)
		prefix = "+";
	else if (is_signed && s->space)
		prefix = " ";
	long total = (long)strlen(prefix) + zeros + len;
	bool zero_pad = s->prec < 0;

	pad_before(o, s, total, zero_pad);
	put_text(o, prefix, strlen(prefix));
	pad_zeros(o, s, total, zero_pad);
	put_n(o, '0', zeros);
	put_text(o, p, (size_t)len);
	pad_after(o, s, total);
}

/* ---- characters and strings -------------------------------------------- */

/* %c, %s and their wide forms: the bytes, cut to the precision for %s. */
static void text_field(struct out *o, const struct spec *s, const union arg *a)
{
	char one[MB_LEN_MAX];
	const char *text = one;
	long len;
	bool wide = s->size == S_LONG;

	if (s->conv == 'c' && !wide) {
		one[0] = (char)a->i;
		len = 1;
	} else if (s->conv == 'c') {
		mbstate_t st = { 0 };
		size_t n = wcrtomb(one, (wchar_t)a->i, &st);

		if (n == (size_t)-1) {
			o->error = EILSEQ;
			return;
		}
		len = (long)n;
	} else if (!wide) {
		text = a->p ? a->p : "(null)";
		len = (long)(s->prec < 0 ? strlen(text) : strnlen(text, (size_t)s->prec));
	} else {
		/* Wide string: count the bytes first, whole characters only. */
		const wchar_t *ws = a->p ? a->p : L"(null)";
		mbstate_t st = { 0 };

		len = 0;
		for (const wchar_t *w = ws; *w; w++) {
			size_t n = wcrtomb(one, *w, &st);

			if (n == (size_t)-1) {
				o->error = EILSEQ;
				return;
			}
			if (s->prec >= 0 && len + (long)n > s->prec)
				break;
			len += (long)n;
		}
		pad_before(o, s, len, false);
		memset(&st, 0, sizeof st);
		for (long done = 0; done < len; ws++) {
			size_t n = wcrtomb(one, *ws, &st);

			put_text(o, one, n);
			done += (long)n;
		}
		pad_after(o, s, len);
		return;
	}
	pad_before(o, s, len, false);
	put_text(o, text, (size_t)len);
	pad_after(o, s, len);
}

static void store_count(const struct spec *s, void *p, size_t count)
{
	switch (s->size) {
	case S_CHAR: *(signed char *)p = (signed char)count; break;
	case S_SHORT: *(short *)p = (short)count; break;
	case S_LONG: *(long *)p = (long)count; break;
	case S_LLONG: *(long long *)p = (long long)count; break;
	case S_INTMAX: *(intmax_t *)p = (intmax_t)count; break;
	case S_SIZE: *(size_t *)p = count; break;
	case S_PTRDIFF: *(ptrdiff_t *)p = (ptrdiff_t)count; break;
	default: *(int *)p = (int)count;
	}
}

static void convert(struct out *o, struct spec *s, const union arg *a)
{
	switch (s->conv) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
		integer(o, s, a->i);
		break;
	case 'p':
		/* As %#lx: "0x" and the address in hex. */
		s->conv = 'x';
		s->alt = true;
		s->size = S_LONG;
		integer(o, s, (long long)(uintptr_t)a->p);
		break;
	case 'c': case 's':
		text_field(o, s, a);
		break;
	case 'n':
		store_count(s, a->p, o->count);
		break;
	default:
		__rb_printf_floating(o, s, a);
	}
}

/*
 * With numbered arguments, every argument's type comes from the format
 * first, so that the va_list can be read in order; C and POSIX leave a
 * format that mixes the two ways or skips a number undefined, and here it
 * is EINVAL.
 */
static bool collect_numbered(const char *f, struct args *args)
{
	enum kind kinds[NUMBERED_MAX] = { A_NONE };
	struct spec s;
	int max = 0;

	while ((f = strchr(f, '%'))) {
		f++;
		int n = parse(&f, &s, args, true, kinds);

		if (s.conv == '%' || n < 0)
			continue;       /* printed as it stands */
		if (n == 0)
			return false;
		if (n > max)
			max = n;
	}
	for (int i = 0; i < NUMBERED_MAX; i++)
		if (kinds[i] != A_NONE && i + 1 > max)
			max = i + 1;
	for (int i = 0; i < max; i++) {
		if (kinds[i] == A_NONE)
			return false;
		fetch(&args->ap, kinds[i], &args->value[i]);
	}
	return true;
}

int vfprintf(FILE *restrict stream, const char *restrict format, va_list ap)
{
	struct out o = { .stream = stream };
	struct args args = { .by_number = false };
	const char *f = format;

	flockfile(stream);
	va_copy(args.ap, ap);
	for (const char *p = strchr(f, '%'); p; p = strchr(p + 2, '%')) {
		const char *q = p + 1;

		if (*q == '%')
			continue;
		args.by_number = numbered(&q) > 0;
		break;
	}
	if (args.by_number && !collect_numbered(format, &args))
		o.error = EINVAL;
	while (*f && !o.error) {
		if (*f != '%') {
			put(&o, *f++);
			continue;
		}
		const char *start = f++;
		struct spec s;
		int n = parse(&f, &s, &args, false, NULL);

		if (n < 0) {
			/* Not a conversion: printed as it stands, as glibc does. */
			put_text(&o, start, (size_t)(f - start));
			continue;
		}
		if ((n > 0) != args.by_number) {
			o.error = EINVAL;
			break;
		}
		if (s.conv == '%') {
			put(&o, '%');
			continue;
		}
		union arg a = { 0 };

		if (n)
			a = args.value[n - 1];
		else
			fetch(&args.ap, kind_of(s.conv, s.size), &a);
		convert(&o, &s, &a);
	}
	va_end(args.ap);
	funlockfile(stream);
	if (o.error) {
		errno = o.error;
		return -1;
	}
	return (int)o.count;
}

/* tinystdio's name for its double variant, which libc.a's snprintfd asks for. */
int __d_vfprintf(FILE *restrict stream, const char *restrict format, va_list ap)
	__attribute__((alias("vfprintf"), nonnull(1, 2)));
