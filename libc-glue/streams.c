/*
 * The streams a program opened (fopen, fdopen, tmpfile, fmemopen,
 * funopen), so that fflush(NULL) and exit reach them all: C17 7.21.5.2
 * flushes every output stream for fflush(NULL), and 7.22.4.4 every open
 * stream at exit.  tinystdio keeps no list of its streams, so libc-glue
 * wraps their makers and fclose (--wrap in rainbow.specs) and keeps one.
 * _exit and quick_exit flush nothing, as C and POSIX say.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "glue.h"

FILE *__real_fdopen(int fd, const char *mode);
FILE *__real_fmemopen(void *buf, size_t size, const char *mode);
FILE *__real_funopen(const void *cookie, _ssize_t (*readfn)(void *, void *, size_t),
		     _ssize_t (*writefn)(void *, const void *, size_t),
		     __off_t (*seekfn)(void *, __off_t, int), int (*closefn)(void *));
int __real_fclose(FILE *stream);
int __real_fflush(FILE *stream);

static FILE **open_streams;
static size_t count, room;
static uint32_t streams_lock;

/* Adds a new stream to the list; on no memory, closes it: NULL, ENOMEM. */
static FILE *track(FILE *stream)
{
	if (!stream)
		return NULL;
	__rb_word_lock(&streams_lock);
	if (count == room) {
		size_t more = room ? 2 * room : 16;
		FILE **grown = realloc(open_streams, more * sizeof(*grown));
		if (!grown) {
			__rb_word_unlock(&streams_lock);
			__real_fclose(stream);
			return NULL;	/* realloc set errno to ENOMEM */
		}
		open_streams = grown;
		room = more;
	}
	open_streams[count++] = stream;
	__rb_word_unlock(&streams_lock);
	return stream;
}

FILE *__wrap_fdopen(int fd, const char *mode)
{
	return track(__real_fdopen(fd, mode));
}

FILE *__wrap_fmemopen(void *buf, size_t size, const char *mode)
{
	return track(__real_fmemopen(buf, size, mode));
}

FILE *__wrap_funopen(const void *cookie, _ssize_t (*readfn)(void *, void *, size_t),
		     _ssize_t (*writefn)(void *, const void *, size_t),
		     __off_t (*seekfn)(void *, __off_t, int), int (*closefn)(void *))
{
	return track(__real_funopen(cookie, readfn, writefn, seekfn, closefn));
}

/*
 * fclose: the console's streams (stdio.c) are static, their locks too, so
 * picolibc's fclose, which frees a stream's lock, must not see them (the
 * heap took the static lock and later hung the task at exit): their output
 * goes out and their descriptor closes (close(2), console_fd.c), 0 or EOF.
 */
int __wrap_fclose(FILE *stream)
{
	if (stream == stdin || stream == stdout || stream == stderr)
		return (stream != stdin && __real_fflush(stream)) | (close(fileno(stream)) < 0) ? EOF : 0;
	__rb_word_lock(&streams_lock);
	for (size_t i = 0; i < count; i++) {
		if (open_streams[i] == stream) {
			open_streams[i] = open_streams[--count];
			break;
		}
	}
	__rb_word_unlock(&streams_lock);
	return __real_fclose(stream);
}

/*
 * fflush(stream) as picolibc's; fflush(NULL) flushes stdout (stderr is
 * unbuffered) and every stream in the list: 0, or EOF when one failed
 * (its errno stays).
 */
int __wrap_fflush(FILE *stream)
{
	int status = 0;

	if (stream)
		return __real_fflush(stream);
	if (__real_fflush(stdout))
		status = EOF;
	__rb_word_lock(&streams_lock);
	for (size_t i = 0; i < count; i++)
		if (__real_fflush(open_streams[i]))
			status = EOF;
	__rb_word_unlock(&streams_lock);
	return status;
}

/* At exit, after the atexit functions: every open stream's output goes out. */
__attribute__((destructor(101))) static void flush_at_exit(void)
{
	__wrap_fflush(NULL);
}
