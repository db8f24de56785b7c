/*
 * Issue 12's inputs against what C17 and POSIX prescribe: exact printf
 * digits for double and long double (each expected string worked out by
 * hand from the value's binary expansion, C17 7.21.6.1), scanf round
 * trips, a TLS block of 256,000 bytes in the main thread and in a pthread,
 * the program headers from the auxiliary vector, sched_yield; and, briefly,
 * the other inputs, each tested at length elsewhere: POSIX and C11
 * threads (pthread.sh), entropy, CPU time and rename (libc.sh),
 * the environment of a bundle line (env.sh), anonymous mmap (libc.sh).
 * The exit status is exit_status.sh's, the module line without a string
 * tests/boot/module_string.sh's and the main stack the memory work's.
 * Also run by tests/guest/conform.sh after mkphdrmove moved its program
 * headers.
 */
#include <elf.h>
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <tgmath.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static void exact_double(void)
{
	/* 0.1 is 0.1000000000000000055511151231257827021181583404541015625. */
	check_format("0.10000000000000001", "%.17g", 0.1);
	check_format("0.10000000000000000555", "%.20f", 0.1);
	check_format("0.1000000000000000055511151231257827021181583404541015625000",
		  "%.58f", 0.1);
	check_format("1.000000000000000055511151231257827e-01", "%.33e", 0.1);
	/* The smallest denormal, 2^-1074 = 4.9406564584124654...e-324. */
	check_format("4.94066e-324", "%g", 0x1p-1074);
	check_format("4.9406564584124654e-324", "%.16e", 0x1p-1074);
	check_format("2.2250738585072014e-308", "%.16e", DBL_MIN);
	check_format("1.7976931348623157e+308", "%.16e", DBL_MAX);
	check_format("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
		  "%.0f", DBL_MAX);
	/* Ties to even at every place, and carries. */
	check_format("0 2 2 4", "%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5);
	check_format("0.125 0.12 0.1", "%.3f %.2f %.1f", 0.125, 0.125, 0.125);
	check_format("0.38", "%.2f", 0.375);
	check_format("1.0e+01", "%.1e", 9.96);
	check_format("1e+01", "%.0e", 9.5);
	check_format("10 9.99 1e+02", "%.2g %.3g %.2g", 9.96, 9.99, 99.5);
	check_format("1.000", "%.3f", 0.9995);  /* 0.99950000000000005507... */
	check_format("0.999", "%.3f", 0.9994999999999999);
	/* 2^63 and 2^-10 written out. */
	check_format("9223372036854775808.000000", "%f", 0x1p63);
	check_format("0.0009765625", "%.10f", 0x1p-10);
	check_format("0.0009765625", "%.10g", 0x1p-10);
	check_format("0.000976562", "%g", 0x1p-10);
	/* %g style choice and trailing zeros. */
	check_format("100000 1e+06 0.0001 1e-05", "%g %g %g %g", 1e5, 1e6, 1e-4, 1e-5);
	check_format("1.00000 1.e+06 0", "%#g %#.0e %.0g", 1.0, 1e6, 0.0);
	check_format("0.333333333333333 0.3333333333333333 0.33333333333333331",
		  "%.15g %.16g %.17g", 1.0 / 3, 1.0 / 3, 1.0 / 3);
	/* Signs, widths, flags. */
	check_format("-0.000000e+00 +1 _ 1.000000|-003.142|1.23e-04  |", "%e %+g _% f|%08.3f|%-10.2e|",
		  -0.0, 1.0, 1.0, -3.14159, 0.000123);
	check_format("inf -inf nan INF   inf", "%f %e %g %F %5g", INFINITY, -INFINITY, NAN, INFINITY,
		  INFINITY);
	/* %a: exact hexadecimal, rounded to a precision. */
	check_format("0x1p+0 0x1.999999999999ap-4 0x0.0000000000001p-1022 0x1p-1022", "%a %a %a %a",
		  1.0, 0.1, 0x1p-1074, DBL_MIN);
	check_format("0x2p+0 0x1.5p-2 0x2.000p+0 -0X1.999999999999AP-4 0x1.p+0", "%.0a %.1a %.3a %A %#.0a",
		  1.5, 1.0 / 3, 1.9999, -0.1, 1.0);
}

static void exact_long_double(void)
{
	long double x = 0;

	check_format("1.500000", "%Lf", 1.5L);
	check_format("1.235e+04", "%.3Le", 12345.678L);
	check_format("0.1", "%Lg", 0.1L);
	/* 0.1L is 0.1000000000000000000013552527156068805425093160010874271392822265625. */
	check_format("0.1000000000000000000013552527156068805425093160010874271392822265625",
		  "%.67Lf", 0.1L);
	check_format("1.18973e+4932", "%Lg", LDBL_MAX);
	check_format("3.3621031431120935063e-4932", "%.19Le", LDBL_MIN);
	/* The smallest denormal, 2^-16445. */
	check_format("3.645199531882474602528405933619e-4951", "%.30Le", 0x1p-16445L);
	check_format("0x8p-3 0x0.000000000000001p-16385 0x8p-16385 0xcp-3 0xa.bp-5", "%La %La %La %.0La %.1La",
		  1.0L, 0x1p-16445L, LDBL_MIN, 1.5L, 1.0L / 3);
	check_format("0 2 18446744073709551616", "%.0Lf %.0Lf %.0Lf", 0.5L, 2.5L, 0x1p64L);
	check_format("-inf nan", "%Lf %Lg", -INFINITY * 1.0L, (long double)NAN);
	check(sscanf("3.75", "%Lf", &x) == 1 && x == 3.75L, "sscanf %Lf of 3.75 stores 3.75");
	check(sscanf("0x1p-16445", "%Lf", &x) == 1 && x == 0x1p-16445L,
	      "sscanf %Lf reads the smallest long double denormal");
}

static void rounding_directions(void)
{
	fesetround(FE_UPWARD);
	check_format("0.2 -0.1 2", "%.1f %.1f %.0f", 0.1, -0.1, 1.5);
	fesetround(FE_DOWNWARD);
	check_format("0.1 -0.2 1", "%.1f %.1f %.0f", 0.1, -0.1, 1.5);
	fesetround(FE_TOWARDZERO);
	check_format("0.9 -0.9", "%.1f %.1f", 0.99, -0.99);
	fesetround(FE_TONEAREST);
	check_format("1.0", "%.1f", 0.99);
}

/*
 * Each value of the array VALUES printed with PRINT, then read back with
 * sscanf's SCAN and with STRTO: the same value every time.
 */
#define ROUND_TRIPS(type, values, print, scan, strto)                                    \
	do {                                                                             \
		char buf[64], what[160];                                                 \
		int ok = 1;                                                              \
		for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {          \
			type back = 0;                                                   \
			snprintf(buf, sizeof buf, print, values[i]);                     \
			if (sscanf(buf, scan, &back) != 1 || back != values[i] ||        \
			    strto(buf, NULL) != values[i]) {                             \
				snprintf(what, sizeof what, "%s does not read back", buf); \
				ok = check(0, what);                                     \
			}                                                                \
		}                                                                        \
		check(ok, print " then sscanf " scan " and " #strto " give every " #type " back"); \
	} while (0)

static void scanf_round_trips(void)
{
	static const double values[] = { 0.1, 1.0 / 3, 0x1p-1074, DBL_MIN, DBL_MAX, 123456.789e300,
					  5e-324, 2.2250738585072011e-308, 9007199254740993.0 };
	/* tinystdio's own strtold misread the ends of the range (libc-glue/atold.c). */
	static const long double lvalues[] = { 0.1L, 1.0L / 3, 0x1p-16445L, 1e-300L, 1e300L,
					       LDBL_MIN, LDBL_MAX, 1e4000L, 1e-4000L };

	ROUND_TRIPS(double, values, "%.17g", "%lf", strtod);
	ROUND_TRIPS(long double, lvalues, "%.21Lg", "%Lf", strtold);
}

/* TLS far larger than any stack the crt could have put it on. */
static __thread char big[256000];
static __thread int initialised = 12345;

static int tls_fine(void)
{
	for (size_t i = 0; i < sizeof big; i += 4096)
		if (big[i])
			return 0;
	memset(big, 0x5a, sizeof big);
	return initialised == 12345 && big[sizeof big - 1] == 0x5a;
}

static void *thread_tls(void *arg)
{
	(void)arg;
	return (void *)(long)tls_fine();
}

static void large_tls(void)
{
	pthread_t t;
	void *result = NULL;
	pthread_attr_t attr;

	check(tls_fine(), "the main thread has its 256,000-byte TLS block, zeroed, and its .tdata");
	check(pthread_create(&t, NULL, thread_tls, NULL) == 0 && pthread_join(t, &result) == 0 &&
	      result == (void *)1L, "a pthread has its own 256,000-byte block, zeroed");
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 16384);
	check(pthread_create(&t, &attr, thread_tls, NULL) == 0 && pthread_join(t, &result) == 0 &&
	      result == (void *)1L, "so does a pthread with a 16 KiB stack");
	pthread_attr_destroy(&attr);
	check(big[0] == 0x5a, "the main thread's block is its own");
}

static void program_headers(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM);
	int tls = 0;

	for (unsigned long i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_TLS && ph[i].p_memsz >= sizeof big)
			tls = 1;
	check(tls, "AT_PHDR's table holds the PT_TLS of the big block");
	check(getauxval(AT_PHENT) == sizeof(Elf64_Phdr), "AT_PHENT is sizeof(Elf64_Phdr)");
}

static void scheduling(void)
{
	check(sched_yield() == 0, "sched_yield (<sched.h>) returns 0");
}

static int c11_thread(void *arg)
{
	return *(int *)arg + 1;
}

static void other_items(void)
{
	unsigned char a[32] = { 0 }, b[32] = { 0 };
	struct timespec deadline;
	pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t cond;
	pthread_condattr_t attr;
	thrd_t t;
	int arg = 41, result = 0;
	long page = sysconf(_SC_PAGESIZE);
	char *map;
	clock_t start;
	struct timespec cpu;

	check(getentropy(a, sizeof a) == 0 && getrandom(b, sizeof b, 0) == (ssize_t)sizeof b &&
	      memcmp(a, b, sizeof a) != 0, "getentropy and getrandom fill their buffers, differently");
	check(getentropy(a, 257) == -1 && errno == EINVAL, "getentropy of 257 bytes is EINVAL (POSIX)");
	start = clock();
	while (clock() - start < CLOCKS_PER_SEC / 20)
		;
	check(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 && (cpu.tv_sec || cpu.tv_nsec >= 50000000),
	      "clock() and CLOCK_PROCESS_CPUTIME_ID count CPU time");
	check(getenv("HOME") && strcmp(getenv("HOME"), "/home/conform") == 0,
	      "getenv(\"HOME\") is the bundle line's HOME");
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&cond, &attr);
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_nsec += 20000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&mutex);
	check(pthread_cond_timedwait(&cond, &mutex, &deadline) == ETIMEDOUT,
	      "a CLOCK_MONOTONIC timed wait with no signal ends in ETIMEDOUT");
	pthread_mutex_unlock(&mutex);
	check(thrd_create(&t, c11_thread, &arg) == thrd_success && thrd_join(t, &result) == thrd_success &&
	      result == 42, "C11 thrd_create and thrd_join");
	check(rename("/no/such", "/nor/this") != 0, "rename links, and fails without the file (C17 7.21.4.2)");
	check(page == 4096, "sysconf(_SC_PAGESIZE) is 4096");
	map = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(map != MAP_FAILED && map[0] == 0 && munmap(map, (size_t)page) == 0,
	      "mmap of an anonymous page, zeroed, and munmap");
}

/* The type an expression has, by name. */
#define TYPE_NAME(e)                                                                       \
	_Generic((e), float: "float", double: "double", long double: "long double",        \
		 float _Complex: "float complex", double _Complex: "double complex",         \
		 long double _Complex: "long double complex", int: "int", long: "long",      \
		 default: "other")

/* C17 7.25: the function each type-generic macro calls, by its arguments' types. */
static void type_generic_math(void)
{
	float f = 2;
	double d = 2;
	long double l = 2;
	int i = 2, q;
	double _Complex z = 1;
	float _Complex zf = 1;
	char got[400];

	snprintf(got, sizeof got, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s",
		 TYPE_NAME(sqrt(f)), TYPE_NAME(sqrt(d)), TYPE_NAME(sqrt(l)), TYPE_NAME(sqrt(i)),
		 TYPE_NAME(sqrt(z)), TYPE_NAME(sqrt(zf)), TYPE_NAME(pow(f, f)), TYPE_NAME(pow(f, i)),
		 TYPE_NAME(pow(f, l)), TYPE_NAME(pow(z, f)), TYPE_NAME(atan2(f, d)), TYPE_NAME(fma(f, f, f)),
		 TYPE_NAME(fma(f, f, i)), TYPE_NAME(fabs(z)), TYPE_NAME(creal(f)), TYPE_NAME(ldexp(f, 3)),
		 TYPE_NAME(remquo(f, f, &q)), TYPE_NAME(lround(l)), TYPE_NAME(ilogb(d)), TYPE_NAME(carg(l)));
	check(strcmp(got, "float|double|long double|double|double complex|float complex|float|double|"
			  "long double|double complex|double|float|double|double|float|float|float|long|int|"
			  "long double") == 0, got);
	check(sqrt(i) == sqrt(2.0) && sqrt(4.0f) == 2.0f && cbrt(27.0L) == 3.0L,
	      "the functions chosen compute: sqrt(2), sqrtf(4), cbrtl(27)");
}

static const struct tap_test tests[] = {
	{ exact_double, "printf of double, exact (C17 7.21.6.1)" },
	{ exact_long_double, "printf and scanf of long double" },
	{ rounding_directions, "printf rounds in the current rounding direction" },
	{ scanf_round_trips, "printf then scanf round trips" },
	{ large_tls, "a TLS block of 256,000 bytes in every thread" },
	{ program_headers, "program headers from the auxiliary vector" },
	{ scheduling, "sched_yield" },
	{ type_generic_math, "<tgmath.h>" },
	{ other_items, "issue 12's other inputs, in brief" },
};

int main(void)
{
	return TAP_RUN(tests);
}
