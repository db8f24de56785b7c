/*
 * The macros a program may test to learn where it runs (docs/sdk.md), each
 * held against what Rainbow provides.  Prints TAP.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#ifdef __rainbow__
#define RAINBOW 1
#else
#define RAINBOW 0
#endif

#if defined(__linux__) || defined(__gnu_linux__) || defined(linux)
#define LINUX 1
#else
#define LINUX 0
#endif

#ifdef __unix__
#define UNIX 1
#else
#define UNIX 0
#endif

/* Options whose macro must stay undefined until Rainbow has the facility. */
#if defined(_POSIX_VERSION) || defined(_POSIX_THREADS) || defined(_POSIX_TIMERS) || \
	defined(_POSIX_CPUTIME) || defined(_POSIX_THREAD_CPUTIME) || \
	defined(_POSIX_MAPPED_FILES) || defined(_POSIX_SPAWN)
#define CLAIMS_MISSING 1
#else
#define CLAIMS_MISSING 0
#endif

static void platform(void)
{
	check(RAINBOW && __rainbow__ == 1, "__rainbow__ is 1");
	check(!LINUX, "__linux__, __gnu_linux__ and linux are not defined");
	check(UNIX, "__unix__ is defined (a Unix-like C runtime)");
}

static void posix_options(void)
{
	check(!CLAIMS_MISSING, "no _POSIX_ option macro claims what Rainbow lacks");
#ifdef _POSIX_MONOTONIC_CLOCK
	struct timespec ts;
	check(_POSIX_MONOTONIC_CLOCK > 0 && clock_gettime(CLOCK_MONOTONIC, &ts) == 0,
	      "_POSIX_MONOTONIC_CLOCK is defined and CLOCK_MONOTONIC works");
#else
	check(0, "_POSIX_MONOTONIC_CLOCK is defined");
#endif
#if defined(CLOCK_PROCESS_CPUTIME_ID) && defined(CLOCK_THREAD_CPUTIME_ID)
	struct timespec cpu;
	check(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 &&
	      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) == 0 && sysconf(_SC_CPUTIME) > 0 &&
	      sysconf(_SC_THREAD_CPUTIME) > 0,
	      "the CPU-time clocks are declared, work, and sysconf says so (their option macros stay undefined)");
#else
	check(0, "CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID are declared");
#endif
}

static const struct tap_test tests[] = {
	{ platform, "the platform macros" },
	{ posix_options, "the POSIX option macros" },
};

int main(void)
{
	return TAP_RUN(tests);
}
