/* Host tests of apps/sh/parse.c: the shell's words, quotes and redirections. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "sh.h"

static struct sh_command c;

static void blanks_separate_words(void **state)
{
	(void)state;
	assert_int_equal(sh_parse("  ls\t-l   /bin \n", &c), 0);
	assert_int_equal(c.argc, 3);
	assert_string_equal(c.argv[0], "ls");
	assert_string_equal(c.argv[1], "-l");
	assert_string_equal(c.argv[2], "/bin");
	assert_null(c.argv[3]);
	assert_null(c.in);
	assert_null(c.out);
}

static void quotes_keep_blanks_and_join_words(void **state)
{
	(void)state;
	assert_int_equal(sh_parse("echo 'a  b'\"c\\\"d\\\\\" e\\ f ''", &c), 0);
	assert_int_equal(c.argc, 4);
	assert_string_equal(c.argv[1], "a  bc\"d\\");
	assert_string_equal(c.argv[2], "e f");
	assert_string_equal(c.argv[3], "");
	/* Inside quotes, operators and # are characters. */
	assert_int_equal(sh_parse("echo '>x' \"<y #z\"", &c), 0);
	assert_int_equal(c.argc, 3);
	assert_string_equal(c.argv[1], ">x");
	assert_string_equal(c.argv[2], "<y #z");
	assert_null(c.out);
}

static void redirections_take_the_next_word(void **state)
{
	(void)state;
	assert_int_equal(sh_parse("cat <in >out x", &c), 0);
	assert_int_equal(c.argc, 2);
	assert_string_equal(c.argv[1], "x");
	assert_string_equal(c.in, "in");
	assert_string_equal(c.out, "out");
	assert_int_equal(c.append, 0);
	/* Operators need no blanks around them. */
	assert_int_equal(sh_parse("echo hi>>log", &c), 0);
	assert_int_equal(c.argc, 2);
	assert_string_equal(c.argv[1], "hi");
	assert_string_equal(c.out, "log");
	assert_int_equal(c.append, 1);
	assert_int_equal(sh_parse("echo hi > 'a b'", &c), 0);
	assert_string_equal(c.out, "a b");
}

static void comments_and_empty_lines_give_no_words(void **state)
{
	(void)state;
	assert_int_equal(sh_parse("", &c), 0);
	assert_int_equal(c.argc, 0);
	assert_int_equal(sh_parse("   # ls", &c), 0);
	assert_int_equal(c.argc, 0);
	assert_int_equal(sh_parse("echo a#b # c", &c), 0);
	assert_int_equal(c.argc, 2);
	assert_string_equal(c.argv[1], "a#b");
}

static void malformed_lines_are_refused(void **state)
{
	(void)state;
	assert_int_equal(sh_parse("echo 'open", &c), -1);
	assert_int_equal(sh_parse("echo \"open", &c), -1);
	assert_int_equal(sh_parse("echo >", &c), -1);
	assert_int_equal(sh_parse("echo > > x", &c), -1);
	assert_int_equal(sh_parse("cat < # x", &c), -1);
}

static void limits_are_refused_not_truncated(void **state)
{
	static char line[SH_LINE_MAX + 2];
	(void)state;
	/* SH_WORDS_MAX one-letter words fit; one more does not. */
	memset(line, 0, sizeof(line));
	for (int i = 0; i < SH_WORDS_MAX; i++)
		strcat(line, "a ");
	assert_int_equal(sh_parse(line, &c), 0);
	assert_int_equal(c.argc, SH_WORDS_MAX);
	strcat(line, "a");
	assert_int_equal(sh_parse(line, &c), -1);
	/* A line of SH_LINE_MAX bytes fits (as words and NULs); one more does not. */
	memset(line, 'x', SH_LINE_MAX);
	line[SH_LINE_MAX] = '\0';
	assert_int_equal(sh_parse(line, &c), 0);
	assert_int_equal(strlen(c.argv[0]), SH_LINE_MAX);
	line[SH_LINE_MAX] = 'x';
	assert_int_equal(sh_parse(line, &c), -1);
	/* The densest text: one-letter words split by operators, each a
	 * byte and a NUL of text. */
	for (int i = 0; i < SH_LINE_MAX - 1; i++)
		line[i] = i % 2 ? '<' : 'a';
	line[SH_LINE_MAX - 1] = '\0';
	assert_int_equal(sh_parse(line, &c), 0);
	assert_int_equal(c.argc, 1);
	assert_string_equal(c.in, "a");
	/* Ending with an operator leaves it without a file. */
	line[SH_LINE_MAX - 2] = '<';
	assert_int_equal(sh_parse(line, &c), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blanks_separate_words),
		cmocka_unit_test(quotes_keep_blanks_and_join_words),
		cmocka_unit_test(redirections_take_the_next_word),
		cmocka_unit_test(comments_and_empty_lines_give_no_words),
		cmocka_unit_test(malformed_lines_are_refused),
		cmocka_unit_test(limits_are_refused_not_truncated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
