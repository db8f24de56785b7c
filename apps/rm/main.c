/*
 * rm: remove each FILE.
 *   rm [-r] [-f] FILE...    -r: directories and what they hold
 *                           -f: no message and no failure for a missing FILE
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive, force;

static int fail(const char *path)
{
	if (force && errno == ENOENT)
		return 0;
	fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
	return 1;
}

static int remove_path(const char *path);

/* Removes what directory PATH holds, then PATH. */
static int remove_tree(const char *path)
{
	char child[PATH_MAX];
	struct dirent *e;
	int status = 0;
	DIR *dir = opendir(path);

	if (!dir)
		return fail(path);
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (snprintf(child, sizeof(child), "%s/%s", path, e->d_name) >=
		    (int)sizeof(child)) {
			fprintf(stderr, "rm: %s/%s: %s\n", path, e->d_name,
				strerror(ENAMETOOLONG));
			status = 1;
			continue;
		}
		status |= remove_path(child);
	}
	closedir(dir);
	if (rmdir(path) < 0)
		return fail(path);
	return status;
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return fail(path);
	if (S_ISDIR(st.st_mode)) {
		if (recursive)
			return remove_tree(path);
		errno = EISDIR;
		return fail(path);
	}
	return unlink(path) < 0 ? fail(path) : 0;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *f = argv[i] + 1; *f; f++) {
			if (*f == 'r' || *f == 'R')
				recursive = 1;
			else if (*f == 'f')
				force = 1;
			else {
				fprintf(stderr, "rm: unknown option -%c\n", *f);
				return 2;
			}
		}
	}
	if (i == argc && !force) {
		fputs("usage: rm [-r] [-f] FILE...\n", stderr);
		return 2;
	}
	for (; i < argc; i++)
		status |= remove_path(argv[i]);
	return status;
}
