/*
 * The file server's tree in memory (tree.h).  A directory keeps its
 * children in a list; a regular file keeps its bytes in one buffer that
 * grows by doubling.  A node without a name stays until its last open
 * file closes, as POSIX wants of an unlinked file.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <rainbow/syscall.h>

#include "tree.h"

static struct node *root;
static unsigned nodes;
static size_t bytes;		/* capacity of every file's buffer */
static uint64_t next_ino = 1;

uint64_t tree_now(void)
{
	struct rb_timespec ts;

	if (rb_clock_gettime(RB_CLOCK_REALTIME, &ts) < 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static struct node *node_new(uint32_t mode)
{
	struct node *n = nodes < TREE_NODES_MAX ? calloc(1, sizeof *n) : NULL;

	if (!n)
		return NULL;
	nodes++;
	n->mode = mode;
	n->ino = next_ino++;
	n->atime_ns = n->mtime_ns = n->ctime_ns = tree_now();
	return n;
}

static void link_into(struct node *dir, struct node *n, const char *name)
{
	strncpy(n->name, name, sizeof n->name - 1);
	n->parent = dir;
	n->next = dir->children;
	dir->children = n;
	n->linked = true;
	dir->entries++;
	dir->mtime_ns = dir->ctime_ns = tree_now();
}

static void unlink_from(struct node *n)
{
	struct node **p = &n->parent->children;

	while (*p != n)
		p = &(*p)->next;
	*p = n->next;
	n->parent->entries--;
	n->parent->mtime_ns = n->parent->ctime_ns = tree_now();
	n->linked = false;
	n->next = NULL;
}

static void node_free(struct node *n)
{
	bytes -= n->cap;
	free(n->data);
	free(n);
	nodes--;
}

int tree_create(struct node *dir, const char *name, uint32_t mode, struct node **out)
{
	struct node *n = node_new(mode);

	if (!n)
		return ENOSPC;
	link_into(dir, n, name);
	*out = n;
	return 0;
}

static void device(struct node *dev, const char *name, unsigned rdev)
{
	struct node *n;

	if (tree_create(dev, name, S_IFCHR | 0666, &n) == 0)
		n->rdev = rdev;
}

void tree_init(void)
{
	struct node *dev, *tmp;

	root = node_new(S_IFDIR | 0755);
	root->parent = root;
	root->linked = true;
	if (tree_create(root, "dev", S_IFDIR | 0755, &dev) == 0) {
		device(dev, "null", RB_FS_DEV_NULL);
		device(dev, "zero", RB_FS_DEV_ZERO);
		device(dev, "urandom", RB_FS_DEV_URANDOM);
		device(dev, "console", RB_FS_DEV_CONSOLE);
	}
	tree_create(root, "tmp", S_IFDIR | 01777, &tmp);
}

struct node *tree_child(const struct node *dir, const char *name)
{
	for (struct node *c = dir->children; c; c = c->next)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/*
 * Walks path (absolute) up to its last component, which it copies into
 * name; *dir is the directory holding it.  "." and ".." are resolved,
 * ".." of / being /.
 */
static int walk(const char *path, struct node **dir, char *name)
{
	struct node *d = root;

	if (path[0] != '/')
		return EINVAL;
	name[0] = '\0';
	while (*path) {
		while (*path == '/')
			path++;
		size_t len = strcspn(path, "/");
		if (len == 0)
			break;
		if (len >= RB_FS_NAME_MAX)
			return ENAMETOOLONG;
		if (name[0]) {		/* the previous component must be a directory */
			struct node *c = !strcmp(name, ".") ? d : !strcmp(name, "..") ? d->parent : tree_child(d, name);
			if (!c)
				return ENOENT;
			if (!S_ISDIR(c->mode))
				return ENOTDIR;
			d = c;
		}
		memcpy(name, path, len);
		name[len] = '\0';
		path += len;
	}
	*dir = d;
	return 0;
}

int tree_parent(const char *path, struct node **dir, char *name)
{
	int err = walk(path, dir, name);

	if (err)
		return err;
	if (!name[0])
		return EEXIST;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return EINVAL;
	return 0;
}

int tree_lookup(const char *path, struct node **out)
{
	char name[RB_FS_NAME_MAX];
	struct node *d;
	int err = walk(path, &d, name);
	bool trailing_slash = path[0] && path[strlen(path) - 1] == '/';

	if (err)
		return err;
	struct node *n = !name[0] || !strcmp(name, ".") ? d : !strcmp(name, "..") ? d->parent : tree_child(d, name);
	if (!n)
		return ENOENT;
	if (trailing_slash && !S_ISDIR(n->mode))
		return ENOTDIR;
	*out = n;
	return 0;
}

void tree_remove(struct node *n)
{
	unlink_from(n);
	n->ctime_ns = tree_now();
	if (!n->opens)
		node_free(n);
}

void tree_close(struct node *n)
{
	if (--n->opens == 0 && !n->linked)
		node_free(n);
}

void tree_move(struct node *n, struct node *dir, const char *name)
{
	struct node *old = tree_child(dir, name);

	if (old == n)
		return;
	if (old)
		tree_remove(old);
	unlink_from(n);
	link_into(dir, n, name);
	n->ctime_ns = tree_now();
}

bool tree_within(const struct node *n, const struct node *dir)
{
	for (;;) {
		if (n == dir)
			return true;
		if (n == root)
			return false;
		n = n->parent;
	}
}

#define FILE_PAGE 4096

/* Room for len bytes in n's buffer: EFBIG, ENOSPC. */
static int reserve(struct node *n, uint64_t len)
{
	if (len > TREE_BYTES_MAX)
		return EFBIG;
	if (len <= n->cap)
		return 0;
	size_t cap = n->cap ? n->cap : 64;
	while (cap < len)
		cap *= 2;
	if (bytes - n->cap + cap > TREE_BYTES_MAX)
		return ENOSPC;
	/*
	 * From a page up, page-aligned: a read or write through a client's
	 * window then meets one page of the file per page of the copy, which
	 * the kernel copies in fewer pieces (docs/ipc.md, "Bulk copy").
	 */
	uint8_t *data = cap < FILE_PAGE ? realloc(n->data, cap) : aligned_alloc(FILE_PAGE, cap);
	if (!data)
		return ENOSPC;
	if (cap >= FILE_PAGE) {
		if (n->size)
			memcpy(data, n->data, n->size);
		free(n->data);
	}
	bytes += cap - n->cap;
	n->data = data;
	n->cap = cap;
	return 0;
}

int tree_resize(struct node *n, uint64_t len)
{
	int err = reserve(n, len);

	if (err)
		return err;
	if (len > n->size)
		memset(n->data + n->size, 0, len - n->size);
	n->size = len;
	n->mtime_ns = n->ctime_ns = tree_now();
	return 0;
}

int tree_span(struct node *n, uint64_t off, uint64_t len, uint8_t **at)
{
	if (off > TREE_BYTES_MAX || len > TREE_BYTES_MAX - off)
		return EFBIG;
	if (off + len > n->size) {
		int err = tree_resize(n, off + len);
		if (err)
			return err;
	}
	n->mtime_ns = n->ctime_ns = tree_now();
	*at = n->data + off;
	return 0;
}

int tree_write(struct node *n, uint64_t off, const void *buf, size_t len)
{
	uint8_t *at;
	int err = tree_span(n, off, len, &at);

	if (!err)
		memcpy(at, buf, len);
	return err;
}

size_t tree_read(struct node *n, uint64_t off, void *buf, size_t len)
{
	if (off >= n->size)
		return 0;
	if (len > n->size - off)
		len = n->size - off;
	memcpy(buf, n->data + off, len);
	return len;
}

void tree_stat(const struct node *n, struct rb_fs_stat *st)
{
	*st = (struct rb_fs_stat){
		.mode = n->mode, .ino = n->ino, .size = n->size,
		.nlink = S_ISDIR(n->mode) ? 2 : n->linked,
		.uid = n->uid, .gid = n->gid,
		.atime_ns = n->atime_ns, .mtime_ns = n->mtime_ns, .ctime_ns = n->ctime_ns,
		.rdev = n->rdev,
	};
}

const struct node *tree_entry(const struct node *dir, uint64_t index)
{
	const struct node *c = dir->children;

	while (c && index--)
		c = c->next;
	return c;
}

unsigned tree_nodes(void)
{
	return nodes;
}

size_t tree_bytes(void)
{
	return bytes;
}
