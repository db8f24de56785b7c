/* Host tests of kernel/cmdline.c: module strings into environment and argv. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "cmdline.h"

static struct cmdline c;

static void splits_name_and_arguments(void **state)
{
	(void)state;
	assert_null(cmdline_parse("hello a  b", 0, &c));
	assert_int_equal(c.argc, 3);
	assert_string_equal(c.argv[0], "hello");
	assert_string_equal(c.argv[1], "a");
	assert_string_equal(c.argv[2], "b");
	assert_int_equal(c.envc, 0);
	assert_string_equal(c.name, "hello");
}

/* GRUB's "module2 /apps/x" with nothing after it: an empty string. */
static void no_string_gets_the_module_index(void **state)
{
	(void)state;
	assert_null(cmdline_parse("", 3, &c));
	assert_int_equal(c.argc, 1);
	assert_string_equal(c.argv[0], "module3");
	assert_string_equal(c.name, "module3");
	assert_null(cmdline_parse("   ", 12, &c));
	assert_string_equal(c.argv[0], "module12");
	assert_null(cmdline_parse("", 0, &c));
	assert_string_equal(c.argv[0], "module0");
}

static void leading_assignments_are_the_environment(void **state)
{
	(void)state;
	assert_null(cmdline_parse("HOME=/ LANG=C.UTF-8 _X1= app A=b --x=y", 0, &c));
	assert_int_equal(c.envc, 3);
	assert_string_equal(c.envp[0], "HOME=/");
	assert_string_equal(c.envp[1], "LANG=C.UTF-8");
	assert_string_equal(c.envp[2], "_X1=");
	assert_int_equal(c.argc, 3);		/* after the name, '=' is an argument's */
	assert_string_equal(c.argv[0], "app");
	assert_string_equal(c.argv[1], "A=b");
	assert_string_equal(c.argv[2], "--x=y");
	assert_string_equal(c.name, "app");
	/* The environment without a name: the fallback name. */
	assert_null(cmdline_parse("A=1", 5, &c));
	assert_int_equal(c.envc, 1);
	assert_int_equal(c.argc, 1);
	assert_string_equal(c.argv[0], "module5");
}

static void refuses_malformed_names(void **state)
{
	static const char *const bad[] = { "1A=x app", "=x app", "A-B=x app", "A.B=c app", "É=1 app" };
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = cmdline_parse(bad[i], 7, &c);
		assert_non_null(why);
		assert_non_null(strstr(why, "malformed environment name"));
		assert_string_equal(c.name, "module7");
	}
}

/* GRUB's escapes (grub_create_loader_cmdline) come off: \\, \' and \", and
 * double quotes around a word with a space. */
static void grub_escapes_are_undone(void **state)
{
	(void)state;
	assert_null(cmdline_parse("pa \\'q\\' \\\"d\\\" back\\\\slash \"two words\" X=\\'v\\'", 0, &c));
	assert_int_equal(c.argc, 6);
	assert_string_equal(c.argv[1], "'q'");
	assert_string_equal(c.argv[2], "\"d\"");
	assert_string_equal(c.argv[3], "back\\slash");
	assert_string_equal(c.argv[4], "two words");
	assert_string_equal(c.argv[5], "X='v'");
	assert_int_equal(c.envc, 0);
	assert_null(cmdline_parse("K=\\\"x\\\" app", 0, &c));
	assert_string_equal(c.envp[0], "K=\"x\"");
}

static void refuses_too_long_or_too_many(void **state)
{
	static char s[CMDLINE_MAX + 200];
	(void)state;
	memset(s, 'a', CMDLINE_MAX);
	assert_string_equal(cmdline_parse(s, 0, &c), "command line longer than 1023 bytes");
	s[0] = '\0';
	for (int k = 0; k < 65; k++)
		strcat(s, "a ");
	assert_string_equal(cmdline_parse(s, 0, &c), "more than 64 arguments");
	assert_string_equal(c.name, "a");
	s[0] = '\0';
	for (int k = 0; k < 65; k++)
		strcat(s, "A=1 ");
	strcat(s, "app");
	assert_string_equal(cmdline_parse(s, 0, &c), "more than 64 environment variables");
	s[0] = '\0';
	for (int k = 0; k < 64; k++)
		strcat(s, "A=1 ");
	strcat(s, "app");
	assert_null(cmdline_parse(s, 0, &c));
	assert_int_equal(c.envc, 64);
}

/* The kernel's own words: key=value, a whole word, the first one. */
static void kernel_words(void **state)
{
	size_t len;
	(void)state;
	assert_true(cmdline_is("aslr=off console=tty", "console", "tty"));
	assert_true(cmdline_is("aslr=off console=tty", "aslr", "off"));
	assert_false(cmdline_is("xaslr=off", "aslr", "off"));
	assert_false(cmdline_is("aslr=offx", "aslr", "off"));
	assert_false(cmdline_is("aslr=of", "aslr", "off"));
	assert_false(cmdline_is("", "aslr", "off"));
	assert_false(cmdline_is("aslr", "aslr", ""));
	const char *v = cmdline_value("a=1 selftest=ud2 b", "selftest", &len);
	assert_non_null(v);
	assert_int_equal(len, 3);
	assert_memory_equal(v, "ud2", 3);
	assert_null(cmdline_value("selftest", "selftest", &len));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(splits_name_and_arguments),
		cmocka_unit_test(no_string_gets_the_module_index),
		cmocka_unit_test(leading_assignments_are_the_environment),
		cmocka_unit_test(refuses_malformed_names),
		cmocka_unit_test(grub_escapes_are_undone),
		cmocka_unit_test(refuses_too_long_or_too_many),
		cmocka_unit_test(kernel_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
