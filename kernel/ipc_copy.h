#ifndef IPC_COPY_H
#define IPC_COPY_H

/*
 * Bulk copy for IPC (ipc_copy.c, docs/ipc.md "Bulk copy"): a call with
 * RB_TAG_WINDOW lends its server a window of the caller's memory, which
 * the server thread that received it reads or writes with rb_ipc_read and
 * rb_ipc_write until it replies.
 */
#include <stdint.h>
#include <stdbool.h>

struct thread;

/*
 * A call's tag is being sent by the current thread: when it has
 * RB_TAG_WINDOW, take the window from the UTCB into the thread (so that
 * later changes to the UTCB do not count).  0, -EINVAL (rights 0 or a
 * reserved bit) or -EFAULT (the window wraps or leaves user space).
 * Such calls take the general path: the fastpath declines every tag flag.
 */
long ipc_window_take(uint64_t tag);

/*
 * Copy up to len bytes between the current thread's memory at local and
 * the window of the caller rcvid names, at offset: into the window when
 * to_caller.  The count (cut at the window's end and RB_IPC_COPY_MAX, or
 * at the first inaccessible page after some were copied), -ESRCH, -EPERM,
 * -EINVAL or -EFAULT, as <rainbow/ipc.h> says for rb_ipc_read.  Time
 * bounded by RB_IPC_COPY_MAX.
 */
long ipc_window_copy(long rcvid, uint64_t offset, uint64_t local, uint64_t len, bool to_caller);

/* The task id of the caller rcvid names, awaiting the current thread's reply, or -ESRCH. */
long ipc_caller_task(long rcvid);

#endif
