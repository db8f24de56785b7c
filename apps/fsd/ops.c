/*
 * The file server's operations (ops.h, docs/files.md): each checks its
 * request word by word, since any task may send anything.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/fs.h>
#include <rainbow/syscall.h>

#include "ops.h"
#include "session.h"
#include "share.h"
#include "tree.h"
#include "window.h"

#define WORD 8u

/* One request as it arrived. */
struct request {
	uint64_t tag;
	unsigned words;		/* registers the client sent */
	unsigned count;		/* data bytes announced in the label */
	uint64_t *mr;
	uint64_t badge;
	long rcvid;		/* the caller, for its window */
	bool window;		/* RB_TAG_WINDOW: the data moves through its window */
};

static uint64_t fail(int err)
{
	return RB_TAG(RB_FS_ERROR | (unsigned)err, 0);
}

static uint64_t done(uint64_t result, unsigned words)
{
	return RB_TAG(result, words);
}

/*
 * The path at register first, at most span registers long and within what
 * was sent: 0, ENAMETOOLONG if no NUL within RB_FS_PATH_MAX bytes, EINVAL
 * if no NUL within what was sent.
 */
static int path_at(const struct request *r, unsigned first, unsigned span, char *out)
{
	unsigned have = r->words > first ? r->words - first : 0;
	size_t bytes = (have < span ? have : span) * WORD;
	const char *src = (const char *)&r->mr[first];
	size_t len = strnlen(src, bytes);

	if (len == bytes)
		return bytes >= RB_FS_PATH_MAX ? ENAMETOOLONG : EINVAL;
	memcpy(out, src, len + 1);
	return 0;
}

#define PATH_WORDS (RB_FS_PATH_MAX / WORD)

/* The node at the path from register first. */
static int lookup_at(const struct request *r, unsigned first, struct node **n)
{
	char path[RB_FS_PATH_MAX];
	int err = path_at(r, first, PATH_WORDS, path);

	return err ? err : tree_lookup(path, n);
}

/* The parent directory and last name of the path from register first. */
static int parent_at(const struct request *r, unsigned first, struct node **dir, char *name)
{
	char path[RB_FS_PATH_MAX];
	int err = path_at(r, first, PATH_WORDS, path);

	if (err)
		return err;
	err = tree_parent(path, dir, name);
	if (!err && !S_ISDIR((*dir)->mode))
		err = ENOTDIR;
	return err;
}

static uint64_t reply_stat(const struct request *r, const struct node *n)
{
	tree_stat(n, (struct rb_fs_stat *)r->mr);
	return done(0, sizeof(struct rb_fs_stat) / WORD);
}

/* A new node of mode in dir, charged to s. */
static int create(struct session *s, struct node *dir, const char *name, uint32_t mode, struct node **n)
{
	if (!(dir->mode & S_IWUSR))
		return EACCES;
	if (!dir->linked)
		return ENOENT;
	if (s->nodes >= SESSION_NODES_MAX)
		return ENOSPC;
	int err = tree_create(dir, name, mode, n);
	if (!err)
		s->nodes++;
	return err;
}

/* Whether the owner's permission bits allow amode (R_OK, W_OK, X_OK). */
static bool allowed(const struct node *n, unsigned amode)
{
	return !((amode & R_OK) && !(n->mode & S_IRUSR)) &&
	       !((amode & W_OK) && !(n->mode & S_IWUSR)) &&
	       !((amode & X_OK) && !(n->mode & S_IXUSR));
}

/* Mints the reply's handle for badge. */
static uint64_t reply_handle(const struct request *r, long port, uint64_t badge, long *minted, unsigned words)
{
	long h = rb_port_mint(port, badge);

	if (h < 0)
		return fail((int)-h);
	*minted = h;
	r->mr[0] = (uint64_t)h;
	return done(0, words) | RB_TAG_HANDLE;
}

static uint64_t op_connect(const struct request *r, long port, long *minted)
{
	uint64_t badge;
	long lifeline = (long)r->mr[0];

	if (!(r->tag & RB_TAG_HANDLE))
		return fail(EINVAL);
	if (lifeline > 0 && r->badge != 0)	/* connect through the registry handle only */
		rb_handle_close(lifeline);
	if (r->badge != 0)
		return fail(EINVAL);
	if (lifeline <= 0)			/* the handle did not arrive (-EMFILE) */
		return fail(EMFILE);
	long task = rb_ipc_caller_task(r->rcvid);	/* sessions are counted per task */
	if (task < 0 || session_open(lifeline, task, &badge) < 0) {
		session_sweep();
		if (task < 0 || session_open(lifeline, task, &badge) < 0) {
			rb_handle_close(lifeline);
			return fail(EAGAIN);
		}
	}
	uint64_t reply = reply_handle(r, port, badge, minted, 1);
	if (!*minted)
		session_of(badge)->lifeline = 0, rb_handle_close(lifeline);
	return reply;
}

static uint64_t op_open(const struct request *r, struct session *s, long port, long *minted)
{
	int flags = (int)r->mr[0], acc = flags & O_ACCMODE;
	uint32_t mode = (uint32_t)r->mr[1] & 07777;
	char path[RB_FS_PATH_MAX], name[RB_FS_NAME_MAX];
	struct node *n, *dir;
	bool created = false;
	uint64_t badge;

	if ((acc != O_RDONLY && acc != O_WRONLY && acc != O_RDWR) || (r->mr[0] >> 32))
		return fail(EINVAL);
	int err = path_at(r, 2, PATH_WORDS, path);
	if (!err)
		err = tree_lookup(path, &n);
	if (err == ENOENT && (flags & O_CREAT)) {
		err = tree_parent(path, &dir, name);
		if (!err && path[strlen(path) - 1] == '/')
			err = EISDIR;
		if (!err)
			err = create(s, dir, name, S_IFREG | mode, &n);
		created = !err;
	} else if (!err && (flags & O_CREAT) && (flags & O_EXCL)) {
		err = EEXIST;
	}
	if (err)
		return fail(err);
	if (!created) {
		if ((flags & O_DIRECTORY) && !S_ISDIR(n->mode))
			return fail(ENOTDIR);
		if (S_ISDIR(n->mode) && acc != O_RDONLY)
			return fail(EISDIR);
		if (!allowed(n, (acc != O_WRONLY ? R_OK : 0) | (acc != O_RDONLY ? W_OK : 0)))
			return fail(EACCES);
	}
	if (session_file_open(s, n, flags, &badge) < 0) {
		if (created)
			tree_remove(n), s->nodes--;
		return fail(EMFILE);
	}
	if ((flags & O_TRUNC) && S_ISREG(n->mode) && acc != O_RDONLY && n->size)
		tree_resize(n, 0);
	uint64_t reply = reply_handle(r, port, badge, minted, 2);
	r->mr[1] = n->mode;
	if (!*minted) {
		struct session *same;
		session_file_close(session_file(badge, &same));
	}
	return reply;
}

/* RB_FS_SHARE: a copy of f for another client (share.h). */
static uint64_t op_share(const struct request *r, struct session *s, const struct open_file *f)
{
	uint64_t key;
	long err = share_make(session_badge(s), f, &key);

	if (err < 0)
		return fail((int)-err);
	r->mr[0] = key;
	return done(0, 1);
}

/* RB_FS_ADOPT: the share of key mr[0] becomes an open file of s. */
static uint64_t op_adopt(const struct request *r, struct session *s, long port, long *minted)
{
	uint64_t badge;
	struct session *same;

	if (r->words < 1)
		return fail(EINVAL);
	struct share *sh = share_take(r->mr[0]);
	if (!sh)
		return fail(EBADF);
	long err = session_file_open(s, sh->node, sh->flags, &badge);
	struct open_file *f = err < 0 ? NULL : session_file(badge, &same);
	if (f)
		f->offset = sh->offset;
	uint64_t reply = f ? reply_handle(r, port, badge, minted, 3) : fail(EMFILE);
	if (f && *minted) {
		r->mr[1] = f->node->mode;
		r->mr[2] = (unsigned)f->flags;
	} else if (f) {
		session_file_close(f);
	}
	share_done(sh);
	return reply;
}

static uint64_t op_remove(const struct request *r, bool dir_wanted)
{
	char name[RB_FS_NAME_MAX];
	struct node *dir, *n;
	int err = parent_at(r, 0, &dir, name);

	if (err == EEXIST)			/* "/" */
		return fail(dir_wanted ? EBUSY : EISDIR);
	if (err)
		return fail(err);
	if (!(n = tree_child(dir, name)))
		return fail(ENOENT);
	if (!(dir->mode & S_IWUSR))
		return fail(EACCES);
	if (dir_wanted && !S_ISDIR(n->mode))
		return fail(ENOTDIR);
	if (!dir_wanted && S_ISDIR(n->mode))
		return fail(EISDIR);
	if (n->entries)
		return fail(ENOTEMPTY);
	tree_remove(n);
	return done(0, 0);
}

static uint64_t op_mkdir(const struct request *r, struct session *s)
{
	char name[RB_FS_NAME_MAX];
	struct node *dir, *n;
	int err = parent_at(r, 1, &dir, name);

	if (!err && tree_child(dir, name))
		err = EEXIST;
	if (!err)
		err = create(s, dir, name, S_IFDIR | ((uint32_t)r->mr[0] & 07777), &n);
	return err ? fail(err) : done(0, 0);
}

static uint64_t op_rename(const struct request *r)
{
	char oname[RB_FS_NAME_MAX], nname[RB_FS_NAME_MAX];
	struct node *odir, *ndir, *n, *old;
	int err = parent_at(r, 0, &odir, oname);

	if (!err)
		err = parent_at(r, PATH_WORDS, &ndir, nname);
	if (err)
		return fail(err == EEXIST ? EBUSY : err);
	if (!(n = tree_child(odir, oname)))
		return fail(ENOENT);
	if (!(odir->mode & S_IWUSR) || !(ndir->mode & S_IWUSR))
		return fail(EACCES);
	old = tree_child(ndir, nname);
	if (S_ISDIR(n->mode)) {
		if (old && old != n && !S_ISDIR(old->mode))
			return fail(ENOTDIR);
		if (old && old != n && old->entries)
			return fail(ENOTEMPTY);
		if (tree_within(ndir, n))
			return fail(EINVAL);
	} else if (old && S_ISDIR(old->mode)) {
		return fail(EISDIR);
	}
	tree_move(n, ndir, nname);
	return done(0, 0);
}

static void set_mode(struct node *n, uint64_t mode)
{
	n->mode = (n->mode & S_IFMT) | ((uint32_t)mode & 07777);
	n->ctime_ns = tree_now();
}

static void set_owner(struct node *n, uint64_t uid, uint64_t gid)
{
	if ((uint32_t)uid != (uint32_t)-1)
		n->uid = (uint32_t)uid;
	if ((uint32_t)gid != (uint32_t)-1)
		n->gid = (uint32_t)gid;
	n->ctime_ns = tree_now();
}

static uint64_t op_path_attr(const struct request *r, unsigned op)
{
	unsigned first = op == RB_FS_CHMOD || op == RB_FS_ACCESS ? 1 : 2;
	struct node *n;
	int err = lookup_at(r, first, &n);

	if (err)
		return fail(err);
	switch (op) {
	case RB_FS_CHMOD:
		set_mode(n, r->mr[0]);
		break;
	case RB_FS_CHOWN:
		set_owner(n, r->mr[0], r->mr[1]);
		break;
	case RB_FS_UTIME:
		n->atime_ns = r->mr[0];
		n->mtime_ns = r->mr[1];
		n->ctime_ns = tree_now();
		break;
	default:			/* RB_FS_ACCESS */
		if (r->mr[0] & ~(uint64_t)(R_OK | W_OK | X_OK))
			return fail(EINVAL);
		if (!allowed(n, (unsigned)r->mr[0]))
			return fail(EACCES);
	}
	return done(0, 0);
}

static uint64_t op_statfs(const struct request *r)
{
	struct rb_fs_statfs *st = (struct rb_fs_statfs *)r->mr;

	session_counts(&st->sessions, &st->open_files, &st->reclaimed);
	st->nodes = tree_nodes();
	st->bytes = tree_bytes();
	return done(0, sizeof *st / WORD);
}

/*
 * n bytes from src for the caller, at its data byte at: into the
 * registers, or into its window.  The count delivered or -errno.
 */
static long deliver(const struct request *r, uint64_t at, const void *src, uint64_t n)
{
	if (!r->window) {
		memcpy((char *)r->mr + at, src, n);
		return (long)n;
	}
	return window_move(r->rcvid, at, (void *)src, n, true);
}

/* len bytes of /dev/zero or /dev/urandom for the caller, a page at a time. */
static long device_read(const struct request *r, unsigned rdev, uint64_t len)
{
	static uint8_t page[4096];
	uint64_t done = 0;

	while (done < len) {
		uint64_t part = len - done < sizeof page ? len - done : sizeof page;
		if (rdev == RB_FS_DEV_ZERO)
			memset(page, 0, part);
		for (uint64_t got = 0; rdev == RB_FS_DEV_URANDOM && got < part; got += RB_RANDOM_MAX)
			rb_random(page + got, part - got < RB_RANDOM_MAX ? part - got : RB_RANDOM_MAX);
		long n = deliver(r, done, page, part);
		if (n < 0)
			return done ? (long)done : n;
		done += (uint64_t)n;
		if ((uint64_t)n < part)
			break;
	}
	return (long)done;
}

/*
 * Reads up to len bytes of f's node at off for the caller (into the
 * registers, RB_FS_DATA_MAX at most, or its window, RB_FS_WINDOW_MAX at
 * most): the count or -errno.
 */
static long read_node(const struct request *r, struct open_file *f, uint64_t off, uint64_t len)
{
	struct node *n = f->node;
	uint64_t max = r->window ? RB_FS_WINDOW_MAX : RB_FS_DATA_MAX;

	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (len > max)
		len = max;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	if (n->atime_ns <= n->mtime_ns || n->atime_ns <= n->ctime_ns)
		n->atime_ns = tree_now();	/* "relatime", as Linux mounts by default */
	switch (n->rdev) {
	case RB_FS_DEV_NULL:
		return 0;
	case RB_FS_DEV_ZERO:
	case RB_FS_DEV_URANDOM:
		return device_read(r, n->rdev, len);
	case RB_FS_DEV_CONSOLE:
		return -ENXIO;		/* the client's libc reads the console itself */
	}
	if (off >= n->size)
		return 0;
	return deliver(r, 0, n->data + off, len < n->size - off ? len : n->size - off);
}

/* len bytes of the caller's window to the console, a staging page at a time. */
static long console_from_window(const struct request *r, uint64_t len)
{
	static uint8_t page[4096];
	uint64_t done = 0;

	while (done < len) {
		uint64_t part = len - done < sizeof page ? len - done : sizeof page;
		long n = window_move(r->rcvid, done, page, part, false);
		if (n <= 0)
			return done || n == 0 ? (long)done : n;
		rb_console_write(page, (size_t)n);
		done += (uint64_t)n;
	}
	return (long)done;
}

/*
 * Writes len bytes to f's node at off (or its end): from data (the
 * registers), or with data NULL from the caller's window (at most
 * RB_FS_WINDOW_MAX).  The count or -errno.
 */
static long write_node(const struct request *r, struct session *s, struct open_file *f, uint64_t off,
		       const void *data, uint64_t len)
{
	struct node *n = f->node;

	if ((f->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	if (!data && len > RB_FS_WINDOW_MAX)
		len = RB_FS_WINDOW_MAX;
	if (n->rdev == RB_FS_DEV_CONSOLE)
		return data ? rb_console_write(data, len) : console_from_window(r, len);
	if (n->rdev)
		return (long)len;
	if (f->flags & O_APPEND)
		off = n->size;
	uint64_t end = off + len, size = n->size;
	uint64_t grow = off <= TREE_BYTES_MAX && end > size ? end - size : 0;
	if (grow > SESSION_BYTES_MAX - s->bytes)
		return -ENOSPC;
	uint8_t *at;
	int err = tree_span(n, off, len, &at);
	if (err)
		return -err;
	long got = (long)len;
	if (data)
		memcpy(at, data, len);
	else if ((got = window_move(r->rcvid, 0, at, len, false)) < (long)len && end > size) {
		uint64_t kept = got > 0 ? off + (uint64_t)got : off;	/* give back what did not come */
		tree_resize(n, kept > size ? kept : size);
	}
	if (n->size > size)
		s->bytes += n->size - size;
	return got;
}

static uint64_t counted(long result, unsigned words)
{
	return result < 0 ? fail((int)-result) : done((uint64_t)result, words);
}

static uint64_t words_of(long bytes)
{
	return bytes > 0 ? ((uint64_t)bytes + WORD - 1) / WORD : 0;
}

/*
 * The reply of a read of result bytes: whole words, the last one's tail
 * zeroed, so that no byte of an earlier message in the UTCB (another
 * client's data) goes out with it.
 */
static uint64_t read_reply(const struct request *r, long result)
{
	if (result > 0)
		memset((char *)r->mr + result, 0, words_of(result) * WORD - (uint64_t)result);
	return counted(result, (unsigned)words_of(result));
}

static uint64_t op_seek(const struct request *r, struct open_file *f)
{
	int64_t off = (int64_t)r->mr[0], base;

	switch (r->mr[1]) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)f->offset;
		break;
	case SEEK_END:
		base = (int64_t)f->node->size;
		break;
	default:
		return fail(EINVAL);
	}
	if ((off < 0 && base + off < 0) || (off > 0 && off > INT64_MAX - base))
		return fail(off < 0 ? EINVAL : EOVERFLOW);
	f->offset = (uint64_t)(base + off);
	r->mr[0] = f->offset;
	return done(0, 1);
}

static uint64_t op_readdir(const struct request *r, struct open_file *f)
{
	struct node *dir = f->node;
	struct rb_fs_dirent *e = (struct rb_fs_dirent *)r->mr;
	uint64_t index = r->mr[0];

	if (!S_ISDIR(dir->mode))
		return fail(ENOTDIR);
	const struct node *n = index == 0 ? dir : index == 1 ? dir->parent : tree_entry(dir, index - 2);
	if (!n || !dir->linked)
		return done(0, 0);
	memset(e, 0, sizeof *e);
	e->ino = n->ino;
	e->type = n->mode & S_IFMT;
	strcpy(e->name, index == 0 ? "." : index == 1 ? ".." : n->name);
	return done(1, sizeof *e / WORD);
}

static uint64_t file_op(const struct request *r, unsigned op, struct session *s, struct open_file *f)
{
	long result;

	switch (op) {
	case RB_FS_READ:
		result = read_node(r, f, f->offset, r->mr[0]);
		if (result > 0 && !f->node->rdev)
			f->offset += (uint64_t)result;
		return r->window ? counted(result, 0) : read_reply(r, result);
	case RB_FS_PREAD:
		if (r->mr[0] > INT64_MAX)
			return fail(EINVAL);
		result = read_node(r, f, r->mr[0], r->mr[1]);
		return r->window ? counted(result, 0) : read_reply(r, result);
	case RB_FS_WRITE:
		if (r->window ? r->count || r->words < 1 : r->count > RB_FS_DATA_MAX || r->count > r->words * WORD)
			return fail(EINVAL);
		result = r->window ? write_node(r, s, f, f->offset, NULL, r->mr[0])
				   : write_node(r, s, f, f->offset, r->mr, r->count);
		if (result > 0 && !f->node->rdev)
			f->offset = ((f->flags & O_APPEND) ? f->node->size : f->offset + (uint64_t)result);
		return counted(result, 0);
	case RB_FS_PWRITE:
		if (r->window ? r->count || r->words < 2 || r->mr[0] > INT64_MAX
			      : r->count > RB_FS_PWRITE_MAX || r->words < 1 || r->count > (r->words - 1) * WORD ||
				r->mr[0] > INT64_MAX)
			return fail(EINVAL);
		return counted(r->window ? write_node(r, s, f, r->mr[0], NULL, r->mr[1])
					 : write_node(r, s, f, r->mr[0], &r->mr[1], r->count), 0);
	case RB_FS_SEEK:
		return op_seek(r, f);
	case RB_FS_FSTAT:
		return reply_stat(r, f->node);
	case RB_FS_TRUNCATE:
		if (!S_ISREG(f->node->mode) || r->mr[0] > INT64_MAX)
			return fail(EINVAL);
		if ((f->flags & O_ACCMODE) == O_RDONLY)
			return fail(EBADF);
		if (r->mr[0] > f->node->size && r->mr[0] - f->node->size > SESSION_BYTES_MAX - s->bytes)
			return fail(ENOSPC);
		if (r->mr[0] > f->node->size)
			s->bytes += r->mr[0] - f->node->size;
		return counted(-tree_resize(f->node, r->mr[0]), 0);
	case RB_FS_FCHMOD:
		set_mode(f->node, r->mr[0]);
		return done(0, 0);
	case RB_FS_FCHOWN:
		set_owner(f->node, r->mr[0], r->mr[1]);
		return done(0, 0);
	case RB_FS_READDIR:
		return op_readdir(r, f);
	case RB_FS_CLOSE:
		session_file_close(f);
		return done(0, 0);
	case RB_FS_SHARE:
		return op_share(r, s, f);
	}
	return fail(EINVAL);
}

static uint64_t session_op(const struct request *r, unsigned op, struct session *s, long port, long *minted)
{
	struct node *n;
	int err;

	switch (op) {
	case RB_FS_OPEN:
		return op_open(r, s, port, minted);
	case RB_FS_STAT:
		err = lookup_at(r, 0, &n);
		return err ? fail(err) : reply_stat(r, n);
	case RB_FS_UNLINK:
		return op_remove(r, false);
	case RB_FS_RMDIR:
		return op_remove(r, true);
	case RB_FS_MKDIR:
		return op_mkdir(r, s);
	case RB_FS_RENAME:
		return op_rename(r);
	case RB_FS_CHMOD:
	case RB_FS_CHOWN:
	case RB_FS_UTIME:
	case RB_FS_ACCESS:
		return op_path_attr(r, op);
	case RB_FS_STATFS:
		return op_statfs(r);
	case RB_FS_ADOPT:
		return op_adopt(r, s, port, minted);
	}
	return fail(EINVAL);
}

uint64_t ops_handle(uint64_t tag, struct rb_utcb *utcb, long port, long *minted)
{
	struct request r = {
		.tag = tag, .words = RB_TAG_WORDS(tag),
		.count = (unsigned)(RB_TAG_LABEL(tag) >> RB_FS_COUNT_SHIFT) & 0xffff,
		.mr = utcb->mr, .badge = utcb->badge,
		.rcvid = utcb->rcvid, .window = tag & RB_TAG_WINDOW,
	};
	unsigned op = RB_TAG_LABEL(tag) & RB_FS_OP_MASK;
	struct session *s;
	struct open_file *f;

	bool counted_op = op == RB_FS_WRITE || op == RB_FS_PWRITE;
	bool bad_label = RB_TAG_LABEL(tag) >> (RB_FS_COUNT_SHIFT + 16) || (r.count && !counted_op);

	if (op == RB_FS_CONNECT && !bad_label)
		return op_connect(&r, port, minted);
	if (tag & RB_TAG_HANDLE) {		/* a handle nobody asked for: give it back */
		if ((long)utcb->mr[0] > 0)
			rb_handle_close((long)utcb->mr[0]);
		return fail(EINVAL);
	}
	if (bad_label)				/* bits past the count, or a count where none goes */
		return fail(EINVAL);
	if ((s = session_of(r.badge)))
		return session_op(&r, op, s, port, minted);
	if ((f = session_file(r.badge, &s)))
		return file_op(&r, op, s, f);
	return fail(r.badge == 0 ? EINVAL : EBADF);
}
