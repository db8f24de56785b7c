/*
 * The connection to the file server (fs_client.h, docs/files.md): looked
 * up once per task, with a lifeline port the server watches to learn when
 * the task has ended, and the working directory that relative paths start
 * from.
 */
#include <errno.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>

#include "fs_client.h"
#include "glue.h"
#include "cwd.h"

static uint32_t connect_lock;
static long session;		/* 0: not yet; < 0: the error, for good */

static long connect(void)
{
	struct rb_utcb *utcb = rb_utcb();
	long fs = rb_ns_lookup_wait(RB_FS_NAME, FS_CONNECT_WAIT_NS);
	long lifeline, tag;

	if (fs < 0)
		return fs == -ENOENT ? -ENOENT : fs;
	lifeline = rb_port_create();	/* never waited on: it dies with the task */
	if (lifeline < 0) {
		rb_handle_close(fs);
		return lifeline == -EMFILE ? -EMFILE : -ENOMEM;
	}
	utcb->mr[0] = (uint64_t)lifeline;
	tag = ipc_call(fs, RB_TAG(RB_FS_CONNECT, 1) | RB_TAG_HANDLE, 0);
	rb_handle_close(fs);
	if (tag >= 0 && (RB_TAG_LABEL(tag) & RB_FS_ERROR))
		tag = -(long)(RB_TAG_LABEL(tag) & ~RB_FS_ERROR);
	else if (tag >= 0)
		tag = (long)utcb->mr[0];
	if (tag <= 0) {
		rb_handle_close(lifeline);
		return tag == -EPIPE || tag == 0 ? -EIO : tag;
	}
	return tag;
}

long __rb_fs_session(void)
{
	long s = __atomic_load_n(&session, __ATOMIC_ACQUIRE);

	if (s)
		return s;
	__rb_word_lock(&connect_lock);
	if (!session)
		__atomic_store_n(&session, connect(), __ATOMIC_RELEASE);
	s = session;
	__rb_word_unlock(&connect_lock);
	return s;
}

/* The request tag on handle: the reply's result, or -errno. */
static long call_tag(long handle, uint64_t tag)
{
	long reply = ipc_call(handle, tag, 0);

	if (reply < 0)
		return reply == -EPIPE ? -EIO : reply;
	uint64_t label = RB_TAG_LABEL(reply);
	if (label & RB_FS_ERROR)
		return -(long)(label & ~RB_FS_ERROR);
	return (long)label;
}

long __rb_fs_call(long handle, unsigned op, unsigned count, unsigned words)
{
	return call_tag(handle, RB_TAG(op | (uint64_t)count << RB_FS_COUNT_SHIFT, words));
}

long __rb_fs_window_call(long handle, unsigned op, unsigned words, const void *buf, size_t len,
			 unsigned rights)
{
	rb_utcb()->window = (struct rb_ipc_window){ (uint64_t)buf, len, rights };
	return call_tag(handle, RB_TAG(op, words) | RB_TAG_WINDOW);
}

long __rb_fs_absolute(const char *path, char *out)
{
	if (!path[0])
		return -ENOENT;
	if (path[0] == '/') {
		if (strlen(path) >= RB_FS_PATH_MAX)
			return -ENAMETOOLONG;
		strcpy(out, path);
		return 0;
	}
	return __rb_cwd_join(path, out);
}

long __rb_fs_path_call(unsigned op, const uint64_t *words, unsigned n, const char *path)
{
	long s = __rb_fs_session();		/* first: connecting uses the registers */
	uint64_t *mr = rb_utcb()->mr;
	char *at = (char *)&mr[n];
	long err = s < 0 ? s : __rb_fs_absolute(path, at);

	if (err)
		return err;
	for (unsigned i = 0; i < n; i++)
		mr[i] = words[i];
	return __rb_fs_call(s, op, 0, n + (unsigned)(strlen(at) + 8) / 8);
}

void __rb_fs_to_stat(const struct rb_fs_stat *in, struct stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_dev = 1;
	st->st_ino = in->ino;
	st->st_mode = in->mode;
	st->st_nlink = in->nlink;
	st->st_uid = in->uid;
	st->st_gid = in->gid;
	st->st_rdev = in->rdev;
	st->st_size = in->size;
	st->st_blksize = RB_FS_DATA_MAX;
	st->st_blocks = (in->size + 511) / 512;
	st->st_atim.tv_sec = in->atime_ns / 1000000000;
	st->st_atim.tv_nsec = in->atime_ns % 1000000000;
	st->st_mtim.tv_sec = in->mtime_ns / 1000000000;
	st->st_mtim.tv_nsec = in->mtime_ns % 1000000000;
	st->st_ctim.tv_sec = in->ctime_ns / 1000000000;
	st->st_ctim.tv_nsec = in->ctime_ns % 1000000000;
}
