/*
 * The C library against what C17 and POSIX prescribe, for what the runtime
 * provides beyond picolibc's defaults (docs/runtime.md): long double and
 * wide-character formats, %n, quick_exit, timespec_get, the calls of a
 * bundle without a file server, mmap and munmap, fileno of the console streams,
 * sysconf, getentropy, getrandom, arc4random and log2 at powers of two.
 * Each expected value is
 * the standard's, not what Rainbow happened to print.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

static void long_double_formats(void)
{
	long double x = 0;

	check_format("1.500000", "%Lf", 1.5L);
	check_format("1.234e+04", "%.3Le", 12340.0L);
	check_format("0.1", "%Lg", 0.1L);
	check_format("1.18973e+4932", "%Lg", LDBL_MAX);
	check(sscanf("3.75", "%Lf", &x) == 1 && x == 3.75L, "sscanf %Lf of 3.75 stores 3.75");
}

static void other_formats(void)
{
	int n = -1;
	char buf[32];

	snprintf(buf, sizeof buf, "abc%ndef", &n);
	check(n == 3 && strcmp(buf, "abcdef") == 0, "%n stores the count so far");
	check_format("wide x", "%ls %lc", L"wide", (wint_t)L'x');
	check_format("hello world", "%2$s %1$s", "world", "hello");
	check_format("-123456789012345 fedcba9876543210", "%lld %llx", -123456789012345LL,
		  0xfedcba9876543210ULL);
	check_format("7 -8 9", "%zu %jd %td", (size_t)7, (intmax_t)-8, (ptrdiff_t)9);
	check_format("0x1p+0", "%a", 1.0);
}

static int quick_exit_order;

static void first_registered(void)
{
	/* Runs last: quick_exit's status is the test's verdict. */
	printf("quick_exit handlers ran %s\n", quick_exit_order == 1 ? "in reverse order" : "out of order");
}

static void second_registered(void)
{
	quick_exit_order++;
}

static void quick_exit_registration(void)
{
	check(at_quick_exit(first_registered) == 0 && at_quick_exit(second_registered) == 0,
	      "at_quick_exit registers functions");
}

static void clocks(void)
{
	struct timespec ts = { 0, -1 };

	check(timespec_get(&ts, TIME_UTC) == TIME_UTC && ts.tv_sec > 1600000000 &&
	      ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000, "timespec_get(TIME_UTC) gives the time of day");
	check(timespec_get(&ts, TIME_UTC + 1) == 0, "timespec_get of another base returns 0");
}

#define MS 1000000L		/* nanoseconds */

static long ns_of(clockid_t id)
{
	struct timespec ts;

	return clock_gettime(id, &ts) == 0 ? ts.tv_sec * 1000 * MS + ts.tv_nsec : -1;
}

/* Spins on the monotonic clock for ms milliseconds. */
static int busy(void *ms)
{
	long end = ns_of(CLOCK_MONOTONIC) + (long)(intptr_t)ms * MS;

	while (ns_of(CLOCK_MONOTONIC) < end)
		;
	return 0;
}

/*
 * Whether ns is about want_ms: within a quarter, plus a tick of resolution
 * (a loaded host can delay the guest's timer ticks).
 */
static int about(long ns, long want_ms)
{
	return ns >= (want_ms * 3 / 4 - 10) * MS && ns <= (want_ms * 5 / 4 + 10) * MS;
}

static void cpu_time(void)
{
	long task0 = ns_of(CLOCK_PROCESS_CPUTIME_ID), thread0 = ns_of(CLOCK_THREAD_CPUTIME_ID);
	clock_t clock0 = clock();
	struct tms tms0, tms1;
	clock_t real0 = times(&tms0);
	char what[160];

	check(CLOCKS_PER_SEC == 1000000 && clock0 != (clock_t)-1 && task0 >= 0 && thread0 >= 0,
	      "clock(), CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID are available");
	busy((void *)300);
	long task1 = ns_of(CLOCK_PROCESS_CPUTIME_ID), thread1 = ns_of(CLOCK_THREAD_CPUTIME_ID);
	clock_t clock1 = clock();
	clock_t real1 = times(&tms1);
	snprintf(what, sizeof what, "300 ms of spinning: about 300 ms of task, thread and clock() time "
		 "(%ld, %ld, %ld ms)", (task1 - task0) / MS, (thread1 - thread0) / MS,
		 (long)(clock1 - clock0) / (CLOCKS_PER_SEC / 1000));
	check(about(task1 - task0, 300) && about(thread1 - thread0, 300) &&
	      about((long)(clock1 - clock0) * (1000 * MS / CLOCKS_PER_SEC), 300), what);

	long tick = 1000 * MS / sysconf(_SC_CLK_TCK);
	snprintf(what, sizeof what, "times(): about 300 ms of user time, none of system time, "
		 "300 ms elapsed (%ld, %ld, %ld ms)", (long)(tms1.tms_utime - tms0.tms_utime) * tick / MS,
		 (long)(tms1.tms_stime - tms0.tms_stime) * tick / MS, (long)(real1 - real0) * tick / MS);
	check(sysconf(_SC_CLK_TCK) == 100 && about((long)(tms1.tms_utime - tms0.tms_utime) * tick, 300) &&
	      tms1.tms_stime == 0 && tms1.tms_cutime == 0 && tms1.tms_cstime == 0 &&
	      about((long)(real1 - real0) * tick, 300), what);

	struct timespec nap = { 0, 300 * MS };
	nanosleep(&nap, NULL);
	long task2 = ns_of(CLOCK_PROCESS_CPUTIME_ID);
	snprintf(what, sizeof what, "300 ms of sleep: at most a tick of CPU time (%ld ms)",
		 (task2 - task1) / MS);
	check(task2 - task1 <= 10 * MS, what);

	struct rb_thread *other = rb_thread_start(busy, (void *)200);
	check(other && rb_thread_wait(other, NULL) == 0, "a thread spins 200 ms");
	long task3 = ns_of(CLOCK_PROCESS_CPUTIME_ID), thread3 = ns_of(CLOCK_THREAD_CPUTIME_ID);
	snprintf(what, sizeof what, "the task's time counts it (%ld ms), the joining thread's does not (%ld ms)",
		 (task3 - task2) / MS, (thread3 - thread1) / MS);
	check(about(task3 - task2, 200) && thread3 - thread1 <= 20 * MS, what);

	struct timespec res = { 1, 1 };
	check(clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res) == 0 && res.tv_sec == 0 &&
	      res.tv_nsec == 10 * MS, "clock_getres of CPU time: 10 ms, a timer tick");
	check(clock_getres(CLOCK_MONOTONIC, &res) == 0 && res.tv_sec == 0 && res.tv_nsec == 1,
	      "clock_getres of CLOCK_MONOTONIC: 1 ns");
	errno = 0;
	check(clock_getres(12345, &res) == -1 && errno == EINVAL, "clock_getres of an unknown clock: EINVAL");
	errno = 0;
	check(ns_of(12345) == -1 && errno == EINVAL, "clock_gettime of an unknown clock: EINVAL");
	check(sysconf(_SC_CPUTIME) == 200112L && sysconf(_SC_THREAD_CPUTIME) == 200112L,
	      "sysconf(_SC_CPUTIME), sysconf(_SC_THREAD_CPUTIME): 200112L");
}

static void no_files(void)
{
	errno = 0;
	check(rename("/a", "/b") == -1 && errno == ENOENT, "rename: ENOENT, no file server in this bundle");
	errno = 0;
	check(remove("/a") == -1 && errno == ENOENT, "remove: ENOENT");
	errno = 0;
	check(fopen("/a", "r") == NULL && errno == ENOENT, "fopen: ENOENT");
}

static void anonymous_mappings(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int zero = 1;

	check(page == 4096, "sysconf(_SC_PAGESIZE) is 4096");
	check(p != MAP_FAILED && ((uintptr_t)p & (page - 1)) == 0, "mmap gives page-aligned memory");
	if (p == MAP_FAILED)
		return;
	for (long i = 0; i < 3 * page; i++)
		zero &= p[i] == 0;
	check(zero, "anonymous memory is zeroed");
	memset(p, 0xa5, 3 * page);
	check(munmap(p, 3 * page) == 0, "munmap");

	errno = 0;
	check(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == EINVAL, "mmap of length 0: EINVAL");
	errno = 0;
	check(mmap(NULL, page, PROT_READ, MAP_PRIVATE, 3, 0) == MAP_FAILED && errno == EBADF,
	      "mmap of a descriptor not open: EBADF");
	errno = 0;
	check(mmap(NULL, page, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == ENOTSUP, "MAP_SHARED: ENOTSUP");
	errno = 0;
	check(mmap(NULL, page, PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
	      MAP_FAILED && errno == ENOTSUP, "writable and executable: ENOTSUP");
	errno = 0;
	check(mmap(NULL, page, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL,
	      "neither MAP_PRIVATE nor MAP_SHARED: EINVAL");
	errno = 0;
	check(mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1) == MAP_FAILED &&
	      errno == EINVAL, "unaligned offset: EINVAL");
	errno = 0;
	check(mmap(NULL, (size_t)1 << 40, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
	      MAP_FAILED && errno == ENOMEM, "1 TiB: ENOMEM");
	errno = 0;
	check(munmap((char *)p + 1, page) == -1 && errno == EINVAL, "munmap unaligned: EINVAL");
}

static void console_streams(void)
{
	FILE *out = fdopen(1, "w");

	check(fileno(stdin) == 0 && fileno(stdout) == 1 && fileno(stderr) == 2,
	      "fileno of stdin, stdout, stderr: 0, 1, 2");
	check(out && fileno(out) == 1, "fileno of a stream fdopen'd on 1: 1");
	check(isatty(fileno(stdout)) == 1, "isatty(fileno(stdout))");
}

static void limits(void)
{
	errno = 0;
	check(sysconf(_SC_THREADS) == -1 && errno == 0, "sysconf(_SC_THREADS): -1, errno unchanged");
	errno = 0;
	check(sysconf(-12345) == -1 && errno == EINVAL, "sysconf of an unknown name: EINVAL");
	check(sysconf(_SC_NPROCESSORS_ONLN) == __builtin_popcount(rb_cpus_online()),
	      "sysconf(_SC_NPROCESSORS_ONLN): the online CPUs (tests/guest/ncpus.sh checks the count)");
}

/* Whether len bytes look random: about half of their bits set, not all equal. */
static int looks_random(const unsigned char *p, size_t len)
{
	size_t ones = 0;

	for (size_t i = 0; i < len; i++)
		ones += (size_t)__builtin_popcount(p[i]);
	return ones > len * 8 * 2 / 5 && ones < len * 8 * 3 / 5;
}

static void entropy(void)
{
	unsigned char a[GETENTROPY_MAX + 1], b[32];
	static unsigned char big[4000];

	check(getentropy(a, 32) == 0 && getentropy(b, 32) == 0 && memcmp(a, b, 32) != 0 &&
	      looks_random(a, 32), "getentropy(32) gives fresh random bytes each time");
	check(getentropy(a, GETENTROPY_MAX) == 0 && looks_random(a, GETENTROPY_MAX),
	      "getentropy(GETENTROPY_MAX = 256)");
	check(getentropy(a, 0) == 0, "getentropy of 0 bytes");
	errno = 0;
	check(getentropy(a, GETENTROPY_MAX + 1) == -1 && errno == EINVAL,
	      "getentropy of 257 bytes: EINVAL (POSIX 2024)");
	errno = 0;
	check(getentropy(NULL, 16) == -1 && errno == EFAULT, "getentropy into NULL: EFAULT");
	errno = 0;
	check(getentropy((void *)(uintptr_t)looks_random, 16) == -1 && errno == EFAULT,
	      "getentropy into read-only text: EFAULT");
	check(getrandom(big, sizeof big, 0) == (ssize_t)sizeof big && looks_random(big, sizeof big) &&
	      looks_random(big + sizeof big - 64, 64), "getrandom of 4000 bytes fills them all");
	check(getrandom(b, 8, GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) == 8,
	      "getrandom takes GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE");
	errno = 0;
	check(getrandom(b, 8, 0x80) == -1 && errno == EINVAL, "getrandom with an unknown flag: EINVAL");
	errno = 0;
	check(getrandom(NULL, 8, 0) == -1 && errno == EFAULT, "getrandom into NULL: EFAULT");
}

static void arc4random_family(void)
{
	uint32_t x = arc4random(), y = arc4random(), below = 1;
	unsigned char buf[64];

	for (int i = 0; i < 1000; i++)
		below &= arc4random_uniform(10) < 10;
	arc4random_buf(buf, sizeof buf);
	check(x != y, "arc4random gives different values");
	check(below, "arc4random_uniform(10) stays below 10");
	check(looks_random(buf, sizeof buf), "arc4random_buf fills its buffer");
}

/*
 * log2 of every power of two a double holds is exact (C17 7.12.6.10
 * asks for no accuracy, but every other C library gives the exponent):
 * through <math.h>'s log2, and through the function itself.
 */
static void log2_of_powers(void)
{
	double (*const function)(double) = log2;
	int wrong = 0, wrong_fn = 0;

	for (int k = -1074; k <= 1023; k++) {
		volatile double x = ldexp(1, k);
		wrong += log2(x) != k;
		wrong_fn += function(x) != k;
	}
	check(wrong == 0, "log2(2^k) == k for k from -1074 to 1023");
	check(wrong_fn == 0, "and through a pointer to the function");
	check(log2f(0x1p29f) == 29.0f && log2f(0x1p-149f) == -149.0f, "log2f at powers of two");
}

static const struct tap_test tests[] = {
	{ long_double_formats, "long double in printf and scanf" },
	{ other_formats, "%n, wide characters, positional and integer formats" },
	{ quick_exit_registration, "at_quick_exit" },
	{ clocks, "timespec_get" },
	{ cpu_time, "CPU time: clock, CPU-time clocks" },
	{ no_files, "a bundle without a file server" },
	{ anonymous_mappings, "mmap and munmap" },
	{ console_streams, "the console's streams and descriptors" },
	{ limits, "sysconf" },
	{ entropy, "getentropy and getrandom" },
	{ arc4random_family, "arc4random, seeded by getentropy" },
	{ log2_of_powers, "log2 at powers of two" },
};

int main(void)
{
	int failed = TAP_RUN(tests);

	quick_exit(failed);
}
