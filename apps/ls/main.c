/*
 * ls: list directories and files.
 *   ls [-a] [-l] [PATH...]    (PATH defaults to .)
 * A directory's entries are printed sorted by name, one per line; -a
 * includes names starting with '.'; -l prefixes each with its type and
 * permission bits, link count and size in bytes.  A directory among
 * several PATHs is headed "PATH:".
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int all, longform;

static void print_mode(mode_t mode)
{
	static const char rwx[] = "rwxrwxrwx";
	char s[11];

	s[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : S_ISLNK(mode) ? 'l' : '-';
	for (int i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
	fputs(s, stdout);
}

/* Prints NAME, with the -l fields of PATH's status when asked. */
static int entry(const char *path, const char *name)
{
	struct stat st;

	if (longform) {
		if (lstat(path, &st) < 0) {
			fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
			return 1;
		}
		print_mode(st.st_mode);
		printf(" %2lu %8lld ", (unsigned long)st.st_nlink,
		       (long long)st.st_size);
	}
	puts(name);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *path)
{
	char **names = NULL, child[PATH_MAX];
	size_t n = 0, cap = 0;
	struct dirent *e;
	int status = 0;
	DIR *dir = opendir(path);

	if (!dir) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.' && !all)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			char **more = realloc(names, cap * sizeof(*names));
			if (!more)
				goto nomem;
			names = more;
		}
		if (!(names[n] = strdup(e->d_name)))
			goto nomem;
		n++;
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		snprintf(child, sizeof(child), "%s/%s", path, names[i]);
		status |= entry(child, names[i]);
		free(names[i]);
	}
	free(names);
	return status;
nomem:
	closedir(dir);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	fprintf(stderr, "ls: %s: %s\n", path, strerror(ENOMEM));
	return 1;
}

static int list(const char *path, int heading)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return entry(path, path);
	if (heading)
		printf("%s:\n", path);
	return list_dir(path);
}

int main(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *f = argv[i] + 1; *f; f++) {
			if (*f == 'a')
				all = 1;
			else if (*f == 'l')
				longform = 1;
			else {
				fprintf(stderr, "ls: unknown option -%c\n", *f);
				return 2;
			}
		}
	}
	if (i == argc)
		return list(".", 0);
	for (int first = i; i < argc; i++)
		status |= list(argv[i], argc - first > 1);
	return status;
}
