/*
 * The working directory: getcwd and chdir.  It is the task's own, a
 * canonical absolute path ("." and ".." taken out, one '/' between
 * names), kept here; the file server sees only absolute paths.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/fs.h>

#include "cwd.h"
#include "fs_client.h"
#include "glue.h"

static char cwd[RB_FS_PATH_MAX] = "/";
static uint32_t cwd_lock;

long __rb_cwd_join(const char *path, char *out)
{
	__rb_word_lock(&cwd_lock);
	size_t base = strlen(cwd), len = strlen(path);
	long err = base + 1 + len >= RB_FS_PATH_MAX ? -ENAMETOOLONG : 0;
	if (!err) {
		memcpy(out, cwd, base);
		out[base] = '/';
		memcpy(out + base + 1, path, len + 1);
	}
	__rb_word_unlock(&cwd_lock);
	return err;
}

/* abs (absolute) without ".", ".." and repeated '/', in place. */
static void canonical(char *abs)
{
	char *out = abs;		/* abs[0] is '/' */
	const char *in = abs;

	while (*in) {
		while (*in == '/')
			in++;
		size_t len = strcspn(in, "/");
		if (len == 0 || (len == 1 && in[0] == '.')) {
		} else if (len == 2 && in[0] == '.' && in[1] == '.') {
			while (out > abs && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, in, len);
			out += len;
		}
		in += len;
	}
	if (out == abs)
		*out++ = '/';
	*out = '\0';
}

long __rb_cwd_set(const char *abs)
{
	char path[RB_FS_PATH_MAX];

	if (abs[0] != '/')
		return -EINVAL;
	if (strlen(abs) >= sizeof(path))
		return -ENAMETOOLONG;
	strcpy(path, abs);
	canonical(path);
	__rb_word_lock(&cwd_lock);
	strcpy(cwd, path);
	__rb_word_unlock(&cwd_lock);
	return 0;
}

int chdir(const char *path)
{
	char abs[RB_FS_PATH_MAX];
	struct stat st;
	long err = __rb_fs_absolute(path, abs);

	if (err)
		return __rb_syscall_ret(err);
	if (stat(abs, &st) < 0)
		return -1;
	if (!S_ISDIR(st.st_mode))
		return __rb_syscall_ret(-ENOTDIR);
	return __rb_syscall_ret(__rb_cwd_set(abs));
}

char *getcwd(char *buf, size_t size)
{
	char *out = buf;

	__rb_word_lock(&cwd_lock);
	size_t len = strlen(cwd);
	int err = 0;
	if (!buf && !(out = malloc(size > len ? size : len + 1)))
		err = ENOMEM;
	else if (buf && size == 0)
		err = EINVAL;
	else if (buf && size <= len)
		err = ERANGE;
	else
		memcpy(out, cwd, len + 1);
	__rb_word_unlock(&cwd_lock);
	if (err) {
		errno = err;
		return NULL;
	}
	return out;
}
