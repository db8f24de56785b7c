/*
 * Synchronous IPC: ports, handles, and messages in virtual registers.
 *
 * Model (docs/ipc.md has the whole story and an example):
 * - A port is a kernel object a task creates; tasks name ports through
 *   per-task handles (small integers), never through task or thread ids.
 * - A server waits on a port it owns; a client calls through a handle.  The
 *   call blocks until the server replies, and the reply goes to exactly that
 *   caller, named by the reply id (rcvid) the server got with the message.
 * - Each handle carries a badge, chosen by the port's owner when it minted
 *   the handle; the server receives the badge of the handle the client used,
 *   so it knows who is calling.
 * - Messages live in the calling thread's UTCB (user thread control block):
 *   64 message registers mr[0..63].  The tag says how many are used and
 *   carries a label of the sender's choosing.  The kernel copies exactly
 *   the words the tag counts, from the sender's UTCB to the receiver's: the
 *   receiver's other words keep what they held.
 * - The kernel decides where each thread's UTCB lives (one page, mapped
 *   read-write in the task, outside the range rb_mem_map hands out) and
 *   points the GS base at it; rb_utcb() finds it.
 *
 * Every function returns a negative errno on failure:
 *   -EBADF     the handle (or port) number names nothing in this task
 *   -EPERM     the handle is a send handle where the port's owner is needed
 *   -EPIPE     the port was destroyed, or the server ended, before a reply
 *   -ESRCH     (reply) the caller is gone or is not waiting for this thread
 *   -EMSGSIZE  the tag says more than 64 words
 *   -EINVAL    a reserved bit is set in the tag or the flags (nothing
 *              is sent, nothing waits)
 *   -EAGAIN    (non-blocking) nobody was waiting; or a per-task limit
 *              (ports, names) is reached (docs/limits.md)
 *   -EMFILE    the task's handle table is full
 * The vDSO exports them in version node RAINBOW_1; the crt binds them.
 */
#ifndef RAINBOW_IPC_H
#define RAINBOW_IPC_H

#include <stdint.h>

#define RB_IPC_MRS        64	/* message registers per UTCB */

/*
 * The tag: word count in bits 0..7, flags in 8..15, label in 16..62 (at
 * most RB_TAG_LABEL_MAX).  Bit 63 and the flags not defined here are
 * reserved: a call or reply whose tag has one fails with -EINVAL, so a
 * received tag is never negative.
 */
#define RB_TAG(label, words)    (((uint64_t)(label) << 16) | (uint64_t)(words))
#define RB_TAG_WORDS(tag)       ((unsigned)((tag) & 0xff))
#define RB_TAG_LABEL(tag)       ((uint64_t)(tag) >> 16)
#define RB_TAG_LABEL_MAX        ((1ull << 47) - 1)
/*
 * mr[0] holds a handle of the sender's; the receiver gets its own copy (a
 * send handle with the same badge) in mr[0], or there -EMFILE when its
 * handle table is full, -EAGAIN or -ENOMEM when the table needed a page
 * it could not have, -EDQUOT when the caller reached its quota of handles
 * sent meanwhile, or -EBADF/-EPIPE if the sender's handle died while the
 * message was queued.  A call may carry one only to a port that accepts
 * handles (rb_port_accept_handles).
 */
#define RB_TAG_HANDLE           (1ull << 8)
/*
 * A call (never a reply) lends the server a buffer window of the caller's
 * memory for the duration of the call: the UTCB's window field, read by
 * the kernel when the call is made (later changes do not count).  The
 * server that received the call copies into or out of exactly that window
 * with rb_ipc_write and rb_ipc_read, naming the call's rcvid.  A window
 * whose rights are 0 or set a bit other than RB_WINDOW_READ and
 * RB_WINDOW_WRITE fails the call with -EINVAL, one that wraps or leaves
 * user space with -EFAULT; nothing is sent.  Such calls take the general
 * path (docs/ipc.md, "Bulk copy").
 */
#define RB_TAG_WINDOW           (1ull << 9)

/* Rights of a window: what the server may do with the caller's memory. */
#define RB_WINDOW_READ  1u	/* rb_ipc_read: the server reads it */
#define RB_WINDOW_WRITE 2u	/* rb_ipc_write: the server writes it */

/*
 * At most this many bytes move per rb_ipc_read or rb_ipc_write: the kernel
 * copies with interrupts off, so each call's time is bounded whatever the
 * window's size; a server loops for more.
 */
#define RB_IPC_COPY_MAX (64u * 1024)

/* A buffer window (RB_TAG_WINDOW): bytes [base, base + length) of the caller. */
struct rb_ipc_window {
	uint64_t base;
	uint64_t length;
	uint64_t rights;		/* RB_WINDOW_READ | RB_WINDOW_WRITE */
};

/* Flags for ipc_call and ipc_wait; any other bit fails with -EINVAL. */
#define RB_IPC_NONBLOCK 1	/* fail with -EAGAIN rather than wait */

struct rb_utcb {
	uint64_t mr[RB_IPC_MRS];	/* message registers */
	uint64_t badge;			/* set by a receive: the caller's handle badge */
	int64_t rcvid;			/* set by a receive: who to reply to */
	struct rb_utcb *self;		/* the UTCB's own address, for rb_utcb() */
	struct rb_ipc_window window;	/* read by a call with RB_TAG_WINDOW */
};

/* The calling thread's UTCB. */
static inline struct rb_utcb *rb_utcb(void)
{
	struct rb_utcb *u;

	__asm__("movq %%gs:%c1, %0" : "=r"(u) : "i"(__builtin_offsetof(struct rb_utcb, self)));
	return u;
}

/*
 * Creates a port owned by the calling task.  Returns the owner handle
 * (> 0), -EMFILE (handle table full), -EAGAIN (the port or a page of the
 * handle table would pass the task's memory limit, docs/limits.md) or
 * -ENOMEM (the machine is short).  Closing the owner handle destroys the
 * port.  Does not block.
 */
long rb_port_create(void);

/*
 * Destroys a port (owner handle only).  Callers waiting on it, and threads
 * waiting to receive on it, wake with -EPIPE; later calls through any handle
 * to it give -EPIPE.  Returns 0, -EBADF or -EPERM.  Does not block.
 */
long rb_port_destroy(long port);

/*
 * Makes a send handle to the port behind owner handle port, carrying badge.
 * Returns the new handle, -EBADF, -EPERM, -EPIPE, -EMFILE (table full),
 * -EAGAIN (a page of the table would pass the task's memory limit) or
 * -ENOMEM.  Does not block.
 */
long rb_port_mint(long port, uint64_t badge);

/*
 * Lets calls to the port behind owner handle port carry a handle
 * (RB_TAG_HANDLE) from now on, each installed in the calling task's table
 * when received.  Until then such a call fails with -EOPNOTSUPP and
 * nothing is sent.  A client may have at most 1,024 handles installed by
 * its calls in other tasks at once (-EDQUOT past that, docs/ipc.md), so
 * no one client fills a server's table.  Returns 0, -EBADF, -EPERM or
 * -EPIPE.  Does not block.
 */
long rb_port_accept_handles(long port);

/*
 * Closes a handle of the calling task; closing the owner handle of a live
 * port destroys the port, as rb_port_destroy() does.  Returns 0 or -EBADF.
 */
long rb_handle_close(long handle);

/*
 * Publishes handle under name (at most 31 bytes) in the kernel's name
 * registry; lookups get a copy of it, badge included.  The entry goes away
 * with the port or with the calling task, and is charged to the task's
 * memory (docs/limits.md).  Returns 0, -EBADF, -EPIPE, -EEXIST, -EAGAIN
 * (the entry would pass the task's memory limit), -ENOMEM (the machine is
 * short), -ENAMETOOLONG or -EFAULT.
 */
long rb_ns_register(const char *name, long handle);

/*
 * Looks name up.  Returns a new handle (a copy of the registered one),
 * -ENOENT if nothing lives under name, -ENAMETOOLONG, -EFAULT, or what
 * rb_port_mint gives for a full table (-EMFILE, -EAGAIN, -ENOMEM).  Does
 * not block.
 */
long rb_ns_lookup(const char *name);

/*
 * Sends the message in the UTCB (tag says how many words) through handle
 * and waits for the reply, which replaces the message registers.
 * Returns the reply's tag (>= 0).  With RB_IPC_NONBLOCK in flags, fails
 * with -EAGAIN unless a server thread is already waiting.  A message
 * carrying a handle (RB_TAG_HANDLE) fails with -EOPNOTSUPP when the port
 * does not accept handles, -EDQUOT when the caller's handles sent reach
 * their quota; nothing is sent.  Blocks.
 */
long ipc_call(long handle, uint64_t tag, unsigned flags);

/*
 * Waits on port (owner handle) for a caller.  Returns the message's tag;
 * the message is in the UTCB's mr[], the caller's badge in badge and its
 * reply id in rcvid.  With RB_IPC_NONBLOCK, -EAGAIN if nobody is calling.
 * Blocks.
 */
long ipc_wait(long port, unsigned flags);

/*
 * Replies to rcvid with the message in the UTCB.  The caller wakes; the
 * server goes on.  Returns 0, or -ESRCH if that caller is gone.
 */
long ipc_reply(long rcvid, uint64_t tag);

/*
 * ipc_reply() then ipc_wait() on port, in one kernel entry.  A reply that
 * fails (-ESRCH, the caller is gone) is reported and nothing is waited for.
 * Blocks.
 */
long ipc_reply_and_wait(long rcvid, uint64_t tag, long port);

/*
 * Bulk copy (docs/ipc.md): a server thread holding the call rcvid, made
 * with RB_TAG_WINDOW, copies len bytes between its memory at buf and the
 * caller's window at offset.  rb_ipc_read reads the window (right
 * RB_WINDOW_READ) into buf; rb_ipc_write writes buf into the window (right
 * RB_WINDOW_WRITE).  The kernel copies directly between the two tasks, page
 * by page, checking both sides as every user access is checked (a reserved
 * page gets its frame, charged to its task).  Returns the count copied:
 * len cut at the window's end and at RB_IPC_COPY_MAX (a short count; call
 * again for the rest), or fewer when a page of either side is not
 * accessible after some were copied.  Errors, nothing copied:
 *   -ESRCH   rcvid names no caller awaiting this thread's reply (gone,
 *            answered, or received by another thread)
 *   -EPERM   the call lent no window, or one without that right
 *   -EINVAL  offset past the window's length
 *   -EFAULT  the first page of either side is not accessible (buf not
 *            writable for rb_ipc_read, the window not writable for
 *            rb_ipc_write)
 * Does not block.
 */
long rb_ipc_read(long rcvid, uint64_t offset, void *buf, uint64_t len);
long rb_ipc_write(long rcvid, uint64_t offset, const void *buf, uint64_t len);

/*
 * The task key of the caller rcvid names, awaiting this thread's reply:
 * its task id (rb_task_id) in bits 0..31 and the id's incarnation in bits
 * 32..62, so that a server can count what it grants per task and, with
 * rb_task_alive, let it go when the task ends; a later task with the same
 * id has another key.  Always > 0.  -ESRCH as for rb_ipc_read.  Does not
 * block.
 */
long rb_ipc_caller_task(long rcvid);

#endif
