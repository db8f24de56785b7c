/* The caller's buffer window (RB_TAG_WINDOW, docs/ipc.md "Bulk copy"), as fsd uses it (window.c). */
#ifndef FSD_WINDOW_H
#define FSD_WINDOW_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Moves len bytes between buf and the window of caller rcvid at offset
 * at: into the window when out (rb_ipc_write), out of it otherwise
 * (rb_ipc_read), RB_IPC_COPY_MAX bytes a kernel call.  The count moved,
 * short at the window's end or at a page of the caller's it cannot reach;
 * a -errno of <rainbow/ipc.h> when nothing moved and the kernel refused.
 */
long window_move(long rcvid, uint64_t at, void *buf, uint64_t len, bool out);

#endif
