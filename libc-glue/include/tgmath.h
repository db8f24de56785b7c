/*
 * <tgmath.h>: C17 7.25's type-generic math, Rainbow's own (neither gcc nor
 * picolibc has one).  Each macro picks the float, double or long double
 * function of <math.h>, or the complex one of <complex.h>, by the type of
 * its arguments: an integer argument counts as double, and with several
 * arguments the usual arithmetic conversions of all of them decide
 * (long double wins, then double, then float; a complex argument makes
 * the call complex).
 */
#ifndef _RAINBOW_TGMATH_H
#define _RAINBOW_TGMATH_H

#include <complex.h>
#include <math.h>

/* x as the type it counts as: integers as double, the rest as they are. */
#define __TG_AS(x) _Generic((x), float: (x), long double: (x), float _Complex: (x),        \
			    double _Complex: (x), long double _Complex: (x), default: (double)(x))

/* A real function of x alone. */
#define __TG_REAL(fn, x) _Generic(__TG_AS(x), float: fn##f, long double: fn##l, default: fn)

/* A real function chosen by the arguments' common type e. */
#define __TG_REAL_OF(fn, e) _Generic((e), float: fn##f, long double: fn##l, default: fn)

/* A function with a real form (fn) and a complex one (cfn), chosen by e. */
#define __TG_BOTH(fn, cfn, e)                                                              \
	_Generic((e), float: fn##f, long double: fn##l, float _Complex: cfn##f,            \
		 long double _Complex: cfn##l, double _Complex: cfn, default: fn)

/* A complex function of x, real x counting as complex of its type. */
#define __TG_COMPLEX(cfn, x)                                                               \
	_Generic(__TG_AS(x), float: cfn##f, float _Complex: cfn##f, long double: cfn##l,  \
		 long double _Complex: cfn##l, default: cfn)

#define __TG2(x, y) (__TG_AS(x) + __TG_AS(y))
#define __TG3(x, y, z) (__TG_AS(x) + __TG_AS(y) + __TG_AS(z))

/* Real and complex. */
#define acos(x) __TG_BOTH(acos, cacos, __TG_AS(x))(x)
#define asin(x) __TG_BOTH(asin, casin, __TG_AS(x))(x)
#define atan(x) __TG_BOTH(atan, catan, __TG_AS(x))(x)
#define acosh(x) __TG_BOTH(acosh, cacosh, __TG_AS(x))(x)
#define asinh(x) __TG_BOTH(asinh, casinh, __TG_AS(x))(x)
#define atanh(x) __TG_BOTH(atanh, catanh, __TG_AS(x))(x)
#define cos(x) __TG_BOTH(cos, ccos, __TG_AS(x))(x)
#define sin(x) __TG_BOTH(sin, csin, __TG_AS(x))(x)
#define tan(x) __TG_BOTH(tan, ctan, __TG_AS(x))(x)
#define cosh(x) __TG_BOTH(cosh, ccosh, __TG_AS(x))(x)
#define sinh(x) __TG_BOTH(sinh, csinh, __TG_AS(x))(x)
#define tanh(x) __TG_BOTH(tanh, ctanh, __TG_AS(x))(x)
#define exp(x) __TG_BOTH(exp, cexp, __TG_AS(x))(x)
#define log(x) __TG_BOTH(log, clog, __TG_AS(x))(x)
#define pow(x, y) __TG_BOTH(pow, cpow, __TG2(x, y))(x, y)
#define sqrt(x) __TG_BOTH(sqrt, csqrt, __TG_AS(x))(x)
#define fabs(x) __TG_BOTH(fabs, cabs, __TG_AS(x))(x)

/* Real only, one argument. */
#define cbrt(x) __TG_REAL(cbrt, x)(x)
#define ceil(x) __TG_REAL(ceil, x)(x)
#define erf(x) __TG_REAL(erf, x)(x)
#define erfc(x) __TG_REAL(erfc, x)(x)
#define exp2(x) __TG_REAL(exp2, x)(x)
#define expm1(x) __TG_REAL(expm1, x)(x)
#define floor(x) __TG_REAL(floor, x)(x)
#define ilogb(x) __TG_REAL(ilogb, x)(x)
#define lgamma(x) __TG_REAL(lgamma, x)(x)
#define llrint(x) __TG_REAL(llrint, x)(x)
#define llround(x) __TG_REAL(llround, x)(x)
#define log10(x) __TG_REAL(log10, x)(x)
#define log1p(x) __TG_REAL(log1p, x)(x)
#define log2(x) __TG_REAL(log2, x)(x)
#define logb(x) __TG_REAL(logb, x)(x)
#define lrint(x) __TG_REAL(lrint, x)(x)
#define lround(x) __TG_REAL(lround, x)(x)
#define nearbyint(x) __TG_REAL(nearbyint, x)(x)
#define rint(x) __TG_REAL(rint, x)(x)
#define round(x) __TG_REAL(round, x)(x)
#define tgamma(x) __TG_REAL(tgamma, x)(x)
#define trunc(x) __TG_REAL(trunc, x)(x)

/* Real only, the type from the first argument (the others are int, long, long double or pointers). */
#define frexp(x, e) __TG_REAL(frexp, x)(x, e)
#define ldexp(x, e) __TG_REAL(ldexp, x)(x, e)
#define scalbn(x, e) __TG_REAL(scalbn, x)(x, e)
#define scalbln(x, e) __TG_REAL(scalbln, x)(x, e)
#define nexttoward(x, y) __TG_REAL(nexttoward, x)(x, y)

/* Real only, the type from every floating argument. */
#define atan2(y, x) __TG_REAL_OF(atan2, __TG2(y, x))(y, x)
#define copysign(x, y) __TG_REAL_OF(copysign, __TG2(x, y))(x, y)
#define fdim(x, y) __TG_REAL_OF(fdim, __TG2(x, y))(x, y)
#define fmax(x, y) __TG_REAL_OF(fmax, __TG2(x, y))(x, y)
#define fmin(x, y) __TG_REAL_OF(fmin, __TG2(x, y))(x, y)
#define fmod(x, y) __TG_REAL_OF(fmod, __TG2(x, y))(x, y)
#define hypot(x, y) __TG_REAL_OF(hypot, __TG2(x, y))(x, y)
#define nextafter(x, y) __TG_REAL_OF(nextafter, __TG2(x, y))(x, y)
#define remainder(x, y) __TG_REAL_OF(remainder, __TG2(x, y))(x, y)
#define remquo(x, y, q) __TG_REAL_OF(remquo, __TG2(x, y))(x, y, q)
#define fma(x, y, z) __TG_REAL_OF(fma, __TG3(x, y, z))(x, y, z)

/* Complex only. */
#define carg(x) __TG_COMPLEX(carg, x)(x)
#define cimag(x) __TG_COMPLEX(cimag, x)(x)
#define conj(x) __TG_COMPLEX(conj, x)(x)
#define cproj(x) __TG_COMPLEX(cproj, x)(x)
#define creal(x) __TG_COMPLEX(creal, x)(x)

#endif
