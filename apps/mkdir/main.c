/*
 * mkdir: make each DIR.
 *   mkdir [-p] DIR...    -p: make missing parents, and accept DIRs that exist
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int make(char *path, int parents)
{
	if (parents) {
		/* Make each prefix that ends before a '/'. */
		for (char *s = path + 1; *s; s++) {
			if (*s != '/')
				continue;
			*s = '\0';
			int err = mkdir(path, 0777) < 0 && errno != EEXIST;
			*s = '/';
			if (err)
				goto fail;
		}
	}
	if (mkdir(path, 0777) == 0 || (parents && errno == EEXIST))
		return 0;
fail:
	fprintf(stderr, "mkdir: %s: %s\n", path, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	int i = 1, parents = 0, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-p")) {
		parents = 1;
		i++;
	}
	if (i == argc) {
		fputs("usage: mkdir [-p] DIR...\n", stderr);
		return 2;
	}
	for (; i < argc; i++)
		status |= make(argv[i], parents);
	return status;
}
