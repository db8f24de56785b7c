/*
 * The bundle's data files (README, "Bundles"): mk/mkiso packs the file and
 * dir lines into one POSIX ustar archive, GRUB loads it as a module, the
 * kernel keeps it for the file server (rb_bootdata_take), and this puts
 * its directories and regular files into the tree with their permission
 * bits.  Other entry types are skipped.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <rainbow/syscall.h>

#include "bootdata.h"
#include "tree.h"

#define BLOCK 512

/* ustar header fields: offset and size. */
#define NAME_AT 0
#define NAME_LEN 100
#define MODE_AT 100
#define SIZE_AT 124
#define MTIME_AT 136
#define TYPE_AT 156
#define MAGIC_AT 257
#define PREFIX_AT 345
#define PREFIX_LEN 155

/* An octal field of len bytes; -1 if it holds something else. */
static long long octal(const unsigned char *field, size_t len)
{
	long long v = 0;
	size_t i = 0;

	while (i < len && field[i] == ' ')
		i++;
	for (; i < len && field[i] >= '0' && field[i] <= '7'; i++)
		v = v * 8 + (field[i] - '0');
	if (i < len && field[i] != '\0' && field[i] != ' ')
		return -1;
	return v;
}

/* The directory at path, made with mode where missing (mkdir -p). */
static int dirs(char *path, uint32_t mode, struct node **out)
{
	struct node *d, *n;
	char name[RB_FS_NAME_MAX];
	int err = tree_lookup(path, &d);

	if (err != ENOENT) {
		if (!err && !S_ISDIR(d->mode))
			err = ENOTDIR;
		*out = d;
		return err;
	}
	char *slash = strrchr(path, '/');
	*slash = '\0';
	err = dirs(slash == path ? "/" : path, 0755, &d);
	*slash = '/';
	if (!err)
		err = tree_parent(path, &d, name);
	if (!err)
		err = tree_create(d, name, S_IFDIR | mode, &n);
	*out = n;
	return err;
}

/* One archive entry at h, its data at data: 1 for a file, 0, or -errno. */
static int entry(const unsigned char *h, const unsigned char *data, size_t size)
{
	char path[RB_FS_PATH_MAX] = "/", name[RB_FS_NAME_MAX];
	long long mode = octal(h + MODE_AT, 8), mtime = octal(h + MTIME_AT, 12);
	size_t plen = strnlen((const char *)h + PREFIX_AT, PREFIX_LEN);
	size_t nlen = strnlen((const char *)h + NAME_AT, NAME_LEN);
	struct node *dir, *n;

	if (mode < 0 || mtime < 0 || plen + nlen + 3 > sizeof path)
		return -EINVAL;
	if (plen) {
		memcpy(path + 1, h + PREFIX_AT, plen);
		path[plen + 1] = '/';
	}
	memcpy(path + strlen(path), h + NAME_AT, nlen);
	path[plen + (plen ? 2 : 1) + nlen] = '\0';
	while (strlen(path) > 1 && path[strlen(path) - 1] == '/')
		path[strlen(path) - 1] = '\0';
	if (!strcmp(path, "/.") || !strcmp(path, "/"))
		return 0;
	char *clean = !strncmp(path, "/./", 3) ? path + 2 : path;
	int err;
	switch (h[TYPE_AT]) {
	case '5':
		err = -dirs(clean, (uint32_t)mode & 07777, &n);
		if (!err)
			n->mode = S_IFDIR | ((uint32_t)mode & 07777);
		return err;
	case '0':
	case '\0':
		break;
	default:
		return 0;
	}
	char *slash = strrchr(clean, '/');
	*slash = '\0';
	err = dirs(slash == clean ? "/" : clean, 0755, &dir);
	*slash = '/';
	if (!err)
		err = tree_parent(clean, &dir, name);
	if (!err && tree_child(dir, name))
		err = EEXIST;
	if (!err)
		err = tree_create(dir, name, S_IFREG | ((uint32_t)mode & 07777), &n);
	if (!err)
		err = tree_write(n, 0, data, size);
	if (err)
		return -err;
	n->mtime_ns = (uint64_t)mtime * 1000000000ull;
	return 1;
}

int bootdata_load(void)
{
	long size = rb_bootdata_take(NULL, 0);
	int files = 0;

	if (size == -ENOENT)
		return 0;
	if (size < 0)
		return (int)size;
	unsigned char *archive = malloc((size_t)size);
	if (!archive)
		return -ENOMEM;
	long got = rb_bootdata_take(archive, (size_t)size);
	for (long at = 0; got == size && at + BLOCK <= size; ) {
		const unsigned char *h = archive + at;
		if (!h[0])
			break;				/* the end: zero blocks */
		long long len = octal(h + SIZE_AT, 12);
		if (memcmp(h + MAGIC_AT, "ustar", 5) || len < 0 || len > size - at - BLOCK) {
			files = -EINVAL;
			break;
		}
		int n = entry(h, h + BLOCK, (size_t)len);
		if (n < 0) {
			files = n;
			break;
		}
		files += n;
		at += BLOCK + (len + BLOCK - 1) / BLOCK * BLOCK;
	}
	free(archive);
	return got < 0 ? (int)got : files;
}
