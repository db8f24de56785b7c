/*
 * realpath and readlink (POSIX) on the file server's tree, which has no
 * symbolic links (docs/files.md): a path resolves by its "." and ".."
 * alone, each component checked at the server as it is reached.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/fs.h>

#include "cwd.h"

/*
 * path resolved into resolved, which is at least RB_FS_PATH_MAX bytes (256,
 * the longest path the server takes; Rainbow defines no PATH_MAX).  Every
 * component but the last must be a directory, the last must exist.
 * Returns 0 or an errno: ENOENT (a component is missing, or path is ""),
 * ENOTDIR (a component before a '/' is not a directory), ENAMETOOLONG,
 * the server's others.
 */
static int resolve(const char *path, char *resolved)
{
	char abs[RB_FS_PATH_MAX];
	struct stat st;

	if (!*path)
		return ENOENT;
	if (path[0] == '/') {
		if (strlen(path) >= sizeof(abs))
			return ENAMETOOLONG;
		strcpy(abs, path);
	} else if (__rb_cwd_join(path, abs) < 0) {
		return ENAMETOOLONG;
	}

	size_t out = 0;			/* resolved[0..out) so far, "" for "/" */
	const char *in = abs;
	for (;;) {
		while (*in == '/')
			in++;
		if (!*in)
			break;
		size_t len = strcspn(in, "/");
		if (len == 2 && in[0] == '.' && in[1] == '.') {
			while (out > 0 && resolved[--out] != '/')
				;
		} else if (!(len == 1 && in[0] == '.')) {
			resolved[out++] = '/';	/* fits: resolved never outgrows abs */
			memcpy(resolved + out, in, len);
			out += len;
			resolved[out] = '\0';
			if (stat(resolved, &st) < 0)
				return errno;
			if (in[len] == '/' && !S_ISDIR(st.st_mode))
				return ENOTDIR;
		}
		in += len;
	}
	if (out == 0)
		resolved[out++] = '/';
	resolved[out] = '\0';
	return 0;
}

/*
 * The absolute path of path with no ".", ".." or repeated '/' (no
 * symbolic links exist), into resolved (RB_FS_PATH_MAX bytes at least), or
 * into memory from malloc when resolved is NULL.  Returns it, or NULL with
 * errno: EINVAL (path NULL), ENOENT, ENOTDIR, ENAMETOOLONG, ENOMEM, the
 * server's others.
 */
char *realpath(const char *restrict path, char *restrict resolved)
{
	char buf[RB_FS_PATH_MAX];
	int err;

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	err = resolve(path, resolved ? resolved : buf);
	if (err) {
		errno = err;
		return NULL;
	}
	return resolved ? resolved : strdup(buf);
}

/*
 * Nothing is a symbolic link: -1 with EINVAL for a path that exists
 * (POSIX's error for a file that is not a link), else stat's error
 * (ENOENT, ENOTDIR ...).
 */
ssize_t readlink(const char *restrict path, char *restrict buf, size_t size)
{
	struct stat st;

	(void)buf;
	(void)size;
	if (stat(path, &st) == 0)
		errno = EINVAL;
	return -1;
}
