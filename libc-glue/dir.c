/*
 * opendir, fdopendir, readdir, rewinddir, closedir, dirfd (<dirent.h>): a
 * directory stream is a descriptor of the directory and the index of the
 * next entry, which the file server answers one at a time, "." and ".."
 * first.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include <rainbow/fs.h>
#include <rainbow/ipc.h>

#include "fd.h"
#include "fs_client.h"
#include "glue.h"

struct rb_dir {
	int fd;
	uint64_t next;		/* index of the next entry */
	struct dirent entry;
};

DIR *fdopendir(int fd)
{
	struct ofile *f = __rb_fd_get(fd);
	DIR *d;

	if (!f) {
		errno = EBADF;
		return NULL;
	}
	if (!S_ISDIR(f->mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	if (!(d = calloc(1, sizeof *d)))
		return NULL;
	d->fd = fd;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);

	if (fd >= 0 && !d) {
		int saved = errno;
		close(fd);
		errno = saved;
	}
	return d;
}

static unsigned char dt_of(uint64_t type)
{
	switch (type) {
	case S_IFDIR:
		return DT_DIR;
	case S_IFREG:
		return DT_REG;
	case S_IFCHR:
		return DT_CHR;
	}
	return DT_UNKNOWN;
}

struct dirent *readdir(DIR *d)
{
	struct ofile *f = __rb_fd_get(d->fd);
	const struct rb_fs_dirent *e = (const struct rb_fs_dirent *)rb_utcb()->mr;

	if (!f) {
		errno = EBADF;
		return NULL;
	}
	rb_utcb()->mr[0] = d->next;
	long r = __rb_fs_call(f->handle, RB_FS_READDIR, 0, 1);
	if (r <= 0) {
		if (r < 0)
			__rb_syscall_ret(r);
		return NULL;		/* the end: errno unchanged */
	}
	d->next++;
	d->entry.d_ino = e->ino;
	d->entry.d_type = dt_of(e->type);
	memcpy(d->entry.d_name, e->name, sizeof d->entry.d_name);
	d->entry.d_name[sizeof d->entry.d_name - 1] = '\0';
	return &d->entry;
}

void rewinddir(DIR *d)
{
	d->next = 0;
}

int dirfd(DIR *d)
{
	return d->fd;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
