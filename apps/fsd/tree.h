/*
 * The file server's tree: directories, regular files and devices in
 * memory (tree.c).  Every function returns 0 or a positive errno.
 */
#ifndef FSD_TREE_H
#define FSD_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <rainbow/fs.h>

/* The whole tree at most: nodes and bytes of file data (docs/files.md). */
#define TREE_NODES_MAX 4096
#define TREE_BYTES_MAX (64u << 20)

struct node {
	uint32_t mode;			/* S_IF* | permission bits */
	uint32_t uid, gid;
	uint64_t ino;
	uint64_t atime_ns, mtime_ns, ctime_ns;
	unsigned rdev;			/* enum rb_fs_device, devices only */
	unsigned opens;			/* open files naming it */
	unsigned entries;		/* a directory's children */
	bool linked;			/* still has its name in the tree */
	struct node *parent, *children, *next;
	char name[RB_FS_NAME_MAX];
	uint8_t *data;			/* a regular file's bytes */
	size_t size, cap;
};

/* Builds / with /dev (null, zero, urandom, console) and /tmp. */
void tree_init(void);

/* The node at the absolute path: ENOENT, ENOTDIR, ENAMETOOLONG, EINVAL (not absolute). */
int tree_lookup(const char *path, struct node **out);

/*
 * The directory that would hold path's last component, and that component
 * in name (RB_FS_NAME_MAX bytes): errors as tree_lookup; EEXIST for "/"
 * (it has no parent), EINVAL for a last component "." or "..".
 */
int tree_parent(const char *path, struct node **dir, char *name);

/* The child of dir called name, or NULL. */
struct node *tree_child(const struct node *dir, const char *name);

/* A new empty node of mode (S_IF* included) in dir: ENOSPC past TREE_NODES_MAX. */
int tree_create(struct node *dir, const char *name, uint32_t mode, struct node **out);

/* Takes n's name away (unlink, rmdir); n goes once no open file names it. */
void tree_remove(struct node *n);

/* Moves n into dir under name, replacing what is there (the checks are the caller's). */
void tree_move(struct node *n, struct node *dir, const char *name);

/* One open file fewer naming n; frees it if it has no name left either. */
void tree_close(struct node *n);

/* Whether n is dir or inside it. */
bool tree_within(const struct node *n, const struct node *dir);

/* Sets a regular file's size to len, zero-filling: EFBIG, ENOSPC. */
int tree_resize(struct node *n, uint64_t len);

/*
 * Makes bytes [off, off + len) of n exist (zeros where the file grows) and
 * points *at at them, to be written in place: 0, EFBIG, ENOSPC.
 */
int tree_span(struct node *n, uint64_t off, uint64_t len, uint8_t **at);

/* Stores len bytes at off, growing the file: EFBIG, ENOSPC. */
int tree_write(struct node *n, uint64_t off, const void *buf, size_t len);

/* Up to len bytes from off; the count (0 at or past the end). */
size_t tree_read(struct node *n, uint64_t off, void *buf, size_t len);

/* n's attributes as the protocol carries them. */
void tree_stat(const struct node *n, struct rb_fs_stat *st);

/* The index-th entry of a directory, or NULL past the end. */
const struct node *tree_entry(const struct node *dir, uint64_t index);

/* Nanoseconds since 1970 now. */
uint64_t tree_now(void);

/* Nodes and bytes of data in the tree, for RB_FS_STATFS. */
unsigned tree_nodes(void);
size_t tree_bytes(void);

#endif
