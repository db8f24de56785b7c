/*
 * TAP for test programs in C, compiled into each: the guest test programs
 * (mk/tests.mk) and the host ones tests/host/vdso.sh builds.
 *
 * A test program is a table of plain functions, each calling check() once
 * per assertion; main() hands the table to TAP_RUN():
 *
 *	static const struct tap_test tests[] = {
 *		{ test_something, "something" },
 *	};
 *	int main(void) { return TAP_RUN(tests); }
 */
#ifndef TAP_H
#define TAP_H

struct tap_test {
	void (*run)(void);
	const char *name;
};

/* One TAP line, "ok N - what" or "not ok N - what"; returns ok. */
int check(int ok, const char *what);

/*
 * vsnprintf of fmt and its arguments (up to 1,199 bytes), checked against
 * want, the text the standard prescribes; returns ok.
 */
int check_format(const char *want, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The plan, "1..N", once every check is done; 0 if all passed, else 1. */
int tap_done(void);

/* Runs each test in order, a "# name" line first, then tap_done(). */
int tap_run(const struct tap_test *tests, unsigned count);

#define TAP_RUN(table) tap_run(table, sizeof table / sizeof table[0])

#endif
