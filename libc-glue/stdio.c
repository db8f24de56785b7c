/*
 * stdin, stdout and stderr: picolibc's tinystdio streams on the console.
 *
 * stdout is line-buffered per thread: each thread gathers its own line in
 * TLS and hands it to the console in one write, so lines of concurrent
 * threads never mix.  stderr is unbuffered but first writes out the
 * thread's pending stdout line, keeping the order the program wrote in.
 * Each follows its descriptor (0, 1, 2) when dup2 puts a file there.
 */
#include <stdio.h>

#include <rainbow/syscall.h>

#include "fd.h"
#include "glue.h"

#define LINE_BUFFER_SIZE 256	/* below RB_CONSOLE_WRITE_MAX: one write a line */

static __thread struct {
	size_t len;
	char bytes[LINE_BUFFER_SIZE];
} line;

void __rb_stdout_flush(void)
{
	if (line.len) {
		if (__rb_is_console_fd(1))
			rb_console_write(line.bytes, line.len);
		else
			__rb_file_write(1, line.bytes, line.len);
		line.len = 0;
	}
}

static int put_stdout(char c, FILE *stream)
{
	(void)stream;
	line.bytes[line.len++] = c;
	if (c == '\n' || line.len == sizeof line.bytes)
		__rb_stdout_flush();
	return (unsigned char)c;
}

static int flush_stdout(FILE *stream)
{
	(void)stream;
	__rb_stdout_flush();
	return 0;
}

static int put_stderr(char c, FILE *stream)
{
	(void)stream;
	__rb_stdout_flush();
	if (!__rb_is_console_fd(2))
		return __rb_file_write(2, &c, 1) == 1 ? (unsigned char)c : EOF;
	return rb_console_write(&c, 1) == 1 ? (unsigned char)c : EOF;
}

static int get_stdin(FILE *stream)
{
	unsigned char c;
	long n;

	(void)stream;
	/* A prompt without a newline shows before the wait for input. */
	__rb_stdout_flush();
	n = __rb_is_console_fd(0) ? rb_console_read(&c, 1, 0) : __rb_file_read(0, &c, 1);
	if (n == 1)
		return c;
	if (n == 0)
		return _FDEV_EOF;
	__rb_syscall_ret(n);
	return _FDEV_ERR;
}

/*
 * exit() runs atexit functions, then destructors by priority: the lowest
 * an app may use comes last, after anything that could still print.
 */
__attribute__((destructor(101))) static void flush_at_exit(void)
{
	__rb_stdout_flush();
}

/*
 * The streams' locks (picolibc's stdio-locking) are static, so that
 * printing never needs the heap: a program may have unmapped it, or be
 * out of memory.
 */
static struct __lock console_locks[3];

static FILE console_in = { .flags = _FDEV_SETUP_READ, .get = get_stdin, .lock = &console_locks[0] };
static FILE console_out = { .flags = _FDEV_SETUP_WRITE, .put = put_stdout, .flush = flush_stdout,
			    .lock = &console_locks[1] };
static FILE console_err = { .flags = _FDEV_SETUP_WRITE, .put = put_stderr, .lock = &console_locks[2] };

FILE *const stdin = &console_in;
FILE *const stdout = &console_out;
FILE *const stderr = &console_err;

int __real_fileno(FILE *stream);

/*
 * fileno(): the console streams are descriptors 0, 1 and 2 (picolibc's
 * own fileno knows only the streams it opened on descriptors, and says -1
 * for these).  The specs link with --wrap=fileno, so every call, libc's
 * own included, comes here first.
 */
int __wrap_fileno(FILE *stream)
{
	if (stream == stdin)
		return 0;
	if (stream == stdout)
		return 1;
	if (stream == stderr)
		return 2;
	return __real_fileno(stream);
}
