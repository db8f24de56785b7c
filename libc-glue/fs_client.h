/*
 * The client side of the file server's protocol (<rainbow/fs.h>), shared
 * by libc-glue's file calls.  Not installed.  Every function returns a
 * value >= 0 or a negative errno, and touches no errno.
 */
#ifndef RAINBOW_FS_CLIENT_H
#define RAINBOW_FS_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include <rainbow/fs.h>

/*
 * How long the first file call waits for the server to register: tasks
 * start together.  A task without the server in its bundle gets ENOENT
 * for every path once this passed (docs/files.md).
 */
#define FS_CONNECT_WAIT_NS 500000000ull

/* The session handle, connecting on first use: -ENOENT without a server. */
long __rb_fs_session(void);

/*
 * One request on handle: tag label op | count << RB_FS_COUNT_SHIFT, words
 * registers of the caller's UTCB.  The reply's result, or -errno (-EIO
 * when the server is gone).
 */
long __rb_fs_call(long handle, unsigned op, unsigned count, unsigned words);

/*
 * The same with the caller's buffer [buf, buf + len) lent to the server
 * as the call's window (RB_TAG_WINDOW) with rights RB_WINDOW_READ (the
 * server reads it) or RB_WINDOW_WRITE (it writes it), and no count.
 */
long __rb_fs_window_call(long handle, unsigned op, unsigned words, const void *buf, size_t len,
			 unsigned rights);

/*
 * A path operation on the session: the n words first, then the path (made
 * absolute against the working directory).  The result or -errno; the
 * reply in the caller's UTCB.
 */
long __rb_fs_path_call(unsigned op, const uint64_t *words, unsigned n, const char *path);

/* path made absolute against the working directory into out (RB_FS_PATH_MAX). */
long __rb_fs_absolute(const char *path, char *out);

/* struct stat from the protocol's. */
void __rb_fs_to_stat(const struct rb_fs_stat *in, struct stat *st);

#endif
