/*
 * cat: copy each FILE (or standard input, also for "-") to standard
 * output.  A file that cannot be read is reported and the others are
 * still copied; the status is then 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Copies FD to standard output; returns 0, or an errno value. */
static int copy(int fd)
{
	static char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(STDOUT_FILENO, buf + done, (size_t)(n - done));
			if (w < 0) {
				if (errno == EINTR)
					continue;
				return errno;
			}
			done += w;
		}
	}
	return 0;
}

static int cat(const char *path)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;
	int err;

	if (fd < 0) {
		fprintf(stderr, "cat: %s: %s\n", path, strerror(errno));
		return 1;
	}
	err = copy(fd);
	if (fd != STDIN_FILENO)
		close(fd);
	if (err) {
		fprintf(stderr, "cat: %s: %s\n", path, strerror(err));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		return cat("-");
	for (int i = 1; i < argc; i++)
		status |= cat(argv[i]);
	return status;
}
