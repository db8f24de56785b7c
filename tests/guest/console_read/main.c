/*
 * Console input by interrupt (tests/guest/console_read.sh feeds the
 * serial port tests/guest/console_read.input, then mk/qemu's ^D):
 * read(0) and fgets(stdin) get the lines, a CR arrives as a newline and a
 * CR LF pair as one, ^D is the end of input, and a reader waiting for
 * input sleeps in the kernel instead of spinning.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "tap.h"

/* read(0) until a newline: the line, NUL-terminated. */
static const char *read_line(void)
{
	static char line[128];
	size_t n = 0;

	while (n < sizeof line - 1) {
		ssize_t r = read(0, line + n, 1);
		if (r <= 0)
			break;
		if (line[n++] == '\n')
			break;
	}
	line[n] = '\0';
	return line;
}

static void lines(void)
{
	char buf[128];

	const char *first = read_line();
	printf("# first line: \"%s\"\n", first);
	check(!strcmp(first, "hello\n"), "read(0) gets the first line");
	check(fgets(buf, sizeof buf, stdin) && !strcmp(buf, "world, from fgets\n"),
	      "fgets(stdin) gets the second");
	check(!strcmp(read_line(), "cr line\n"), "a carriage return arrives as a newline");
	check(!strcmp(read_line(), "crlf\n"), "a CR LF pair is one newline");
	check(!strcmp(read_line(), "\n"), "an empty line stays");
	/* A read returns what has come: "last" may take more than one. */
	size_t n = 0;
	ssize_t r = -1;
	while (n < sizeof buf && (r = read(0, buf + n, sizeof buf - n)) > 0)
		n += (size_t)r;
	check(n == 4 && !memcmp(buf, "last", 4), "reads stop before ^D: \"last\" without a newline");
	check(r == 0, "then ^D reads as the end of input: read() is 0");
	check(rb_console_read(buf, sizeof buf, RB_CONSOLE_NONBLOCK) == -EAGAIN,
	      "nothing more: RB_CONSOLE_NONBLOCK gives EAGAIN");
	check(rb_console_read(buf, sizeof buf, 2) == -EINVAL, "an unknown flag: EINVAL");
	check(rb_console_read((void *)8, 1, RB_CONSOLE_NONBLOCK) == -EFAULT, "a bad buffer: EFAULT");
	check(rb_console_read(buf, 0, 0) == 0, "len 0 reads nothing and does not wait");
}

static int reader(void *arg)
{
	char c;

	(void)arg;
	read(0, &c, 1);		/* no more input comes: waits until the task ends */
	return 0;
}

static void sleeps_while_waiting(void)
{
	struct rb_thread *t = rb_thread_start(reader, NULL);
	check(t != NULL, "a thread to wait for input");
	rb_sleep_ns(20000000);
	long before = rb_cpu_time_ns(RB_CPU_TASK);
	rb_sleep_ns(300000000);
	long used = rb_cpu_time_ns(RB_CPU_TASK) - before;
	printf("# CPU time over 300 ms of waiting for input: %ld ns\n", used);
	check(used < 2 * RB_CPU_TIME_RESOLUTION_NS, "a reader waiting for input uses no CPU (no polling)");
}

static const struct tap_test tests[] = {
	{ lines, "lines" },
	{ sleeps_while_waiting, "blocking" },
};

int main(void)
{
	/* exit ends the reader still waiting. */
	return TAP_RUN(tests);
}
