/*
 * The file server's protocol (apps/fsd, docs/files.md): what a client
 * sends over IPC and what it gets back.  libc-glue's POSIX file calls are
 * its client; any task may speak it directly.
 *
 * Handles.  The server registers RB_FS_NAME with a send handle of badge 0:
 * through it only RB_FS_CONNECT is answered.  RB_FS_CONNECT carries
 * (RB_TAG_HANDLE) a send handle to a port the client owns and never waits
 * on, its *lifeline*: when the client's task ends the port goes, and the
 * server reclaims the session.  The reply carries the *session handle*, for
 * the path operations.  RB_FS_OPEN's reply carries a new handle per open
 * file, for the file operations; so does RB_FS_ADOPT's, for a file another
 * client shared (RB_FS_SHARE: how a spawned task inherits descriptors).
 * Every handle is minted by the server
 * with a badge of its own, so the server knows the session and the file
 * from the kernel, never from the message.
 *
 * Requests.  Tag label = operation | (count << RB_FS_COUNT_SHIFT), count
 * being the bytes of data RB_FS_WRITE and RB_FS_PWRITE carry.  Paths are
 * NUL-terminated in the message registers, at most RB_FS_PATH_MAX bytes
 * with the NUL, absolute (the client resolves its working directory).
 *
 * Replies.  Tag label = a result >= 0 (a byte count, or 0), or
 * RB_FS_ERROR | errno.  Data travels in the UTCB's message registers, up
 * to RB_FS_DATA_MAX bytes a call; or, when the request lends a window of
 * the client's buffer (RB_TAG_WINDOW, <rainbow/ipc.h>), the server copies
 * straight into or out of it, up to RB_FS_WINDOW_MAX bytes a call: the
 * four data operations then carry their byte count in a register (below)
 * and no data in the registers.
 */
#ifndef RAINBOW_FS_H
#define RAINBOW_FS_H

#include <stdint.h>

/* The name the server registers (rb_ns_lookup). */
#define RB_FS_NAME "fs"

/* Bytes of data in one read or write reply/request: all 64 registers. */
#define RB_FS_DATA_MAX 512
/*
 * Bytes of data at most in one read or write through the caller's window
 * (RB_TAG_WINDOW): one request keeps the server this long at most.
 */
#define RB_FS_WINDOW_MAX (1u << 20)
/* Bytes of data in one RB_FS_PWRITE: the offset takes a register. */
#define RB_FS_PWRITE_MAX (RB_FS_DATA_MAX - 8)
/* A path with its NUL; RB_FS_RENAME sends two in the 64 registers. */
#define RB_FS_PATH_MAX 256
/* A name within a directory, with its NUL. */
#define RB_FS_NAME_MAX 64

#define RB_FS_COUNT_SHIFT 8
#define RB_FS_OP_MASK 0xff
#define RB_FS_ERROR (1ull << 46)

/* The operations: on the registry handle, a session handle or a file handle. */
enum rb_fs_op {
	/* registry handle; RB_TAG_HANDLE, mr[0] the lifeline.
	 * Reply RB_TAG_HANDLE, mr[0] the session handle. */
	RB_FS_CONNECT = 1,
	/* session.  mr[0] O_* flags, mr[1] mode, path from mr[2].  Reply
	 * RB_TAG_HANDLE, mr[0] the file's handle, mr[1] its st_mode. */
	RB_FS_OPEN,
	/* session.  Path from mr[0].  Reply: struct rb_fs_stat in mr[]. */
	RB_FS_STAT,
	RB_FS_UNLINK,		/* session.  Path from mr[0] */
	RB_FS_RMDIR,		/* session.  Path from mr[0] */
	RB_FS_MKDIR,		/* session.  mr[0] mode, path from mr[1] */
	RB_FS_RENAME,		/* session.  Old path at mr[0], new at mr[32] */
	RB_FS_CHMOD,		/* session.  mr[0] mode, path from mr[1] */
	RB_FS_CHOWN,		/* session.  mr[0] uid, mr[1] gid, path from mr[2] */
	RB_FS_UTIME,		/* session.  mr[0] atime, mr[1] mtime (ns), path from mr[2] */
	RB_FS_ACCESS,		/* session.  mr[0] R_OK|W_OK|X_OK or F_OK, path from mr[1] */
	RB_FS_STATFS,		/* session.  Reply: struct rb_fs_statfs in mr[] */
	/* file.  mr[0] bytes wanted (at most RB_FS_DATA_MAX), at the file's
	 * offset, which moves.  Reply: the count, the bytes from mr[0].
	 * With a window (RB_WINDOW_WRITE): at most RB_FS_WINDOW_MAX, the
	 * bytes in the window. */
	RB_FS_READ,
	/* file.  count bytes from mr[0], at the offset (end with O_APPEND).
	 * With a window (RB_WINDOW_READ): count 0, mr[0] the bytes to write
	 * from the window (at most RB_FS_WINDOW_MAX taken). */
	RB_FS_WRITE,
	RB_FS_PREAD,		/* file.  mr[0] offset, mr[1] bytes wanted; offset unchanged */
	/* file.  mr[0] offset, count bytes from mr[1]; with a window, count 0
	 * and mr[1] the bytes to write from it. */
	RB_FS_PWRITE,
	RB_FS_SEEK,		/* file.  mr[0] offset, mr[1] SEEK_*.  Reply mr[0] the new offset */
	RB_FS_FSTAT,		/* file.  Reply: struct rb_fs_stat */
	RB_FS_TRUNCATE,		/* file.  mr[0] the length */
	RB_FS_FCHMOD,		/* file.  mr[0] mode */
	RB_FS_FCHOWN,		/* file.  mr[0] uid, mr[1] gid */
	/* file (a directory).  mr[0] entry index.  Reply: 0 past the end, or
	 * 1 and struct rb_fs_dirent in mr[]. */
	RB_FS_READDIR,
	RB_FS_CLOSE,		/* file.  The server forgets it; close the handle too */
	/* file.  A copy of the open file (offset, flags) for another client,
	 * which outlives this session.  Reply mr[0] its key (not 0). */
	RB_FS_SHARE,
	/* session.  mr[0] a key from RB_FS_SHARE: the copy becomes an open
	 * file of this session, once.  Reply RB_TAG_HANDLE, mr[0] the file's
	 * handle, mr[1] its st_mode, mr[2] its O_* flags. */
	RB_FS_ADOPT,
	RB_FS_OPS
};

/* RB_FS_STAT and RB_FS_FSTAT: one field a register. */
struct rb_fs_stat {
	uint64_t mode;		/* S_IF* | permission bits */
	uint64_t ino;
	uint64_t size;		/* bytes */
	uint64_t nlink;
	uint64_t uid, gid;
	uint64_t atime_ns, mtime_ns, ctime_ns;	/* since 1970-01-01 UTC */
	uint64_t rdev;
};

/* RB_FS_READDIR. */
struct rb_fs_dirent {
	uint64_t ino;
	uint64_t type;		/* S_IF* of the entry */
	char name[RB_FS_NAME_MAX];
};

/* RB_FS_STATFS: the server's state, for tests and tools. */
struct rb_fs_statfs {
	uint64_t sessions;	/* live sessions */
	uint64_t open_files;	/* open files of every session */
	uint64_t nodes;		/* files, directories and devices */
	uint64_t bytes;		/* bytes of file data held */
	uint64_t reclaimed;	/* sessions reclaimed after their task ended */
};

/* Device numbers of the server's devices (st_rdev). */
enum rb_fs_device {
	RB_FS_DEV_NULL = 1,
	RB_FS_DEV_ZERO,
	RB_FS_DEV_URANDOM,
	RB_FS_DEV_CONSOLE,
};

#endif
