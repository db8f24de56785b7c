/*
 * Bulk copy for IPC (ipc_copy.h): after QNX's MsgRead/MsgWrite, but the
 * caller states beforehand which bytes of its memory the server may touch,
 * and how.  The kernel copies straight from frame to frame through the
 * direct map, so neither side's page tables need the other's pages, and
 * each page of both sides is checked as every user access is (uaccess.h).
 * One CPU, interrupts off: the caller cannot end, nor unmap a page, while
 * a copy runs; RB_IPC_COPY_MAX bounds how long that is.
 */
#include "ipc_copy.h"
#include "ipc_transfer.h"
#include "uaccess.h"
#include "phys.h"
#include "task.h"
#include "arch/layout.h"
#include "arch/copy_words.h"
#include <rainbow/ipc.h>
#include <errno.h>

#define WINDOW_RIGHTS ((uint64_t)(RB_WINDOW_READ | RB_WINDOW_WRITE))

long ipc_window_take(uint64_t tag)
{
	if (!(tag & RB_TAG_WINDOW))
		return 0;
	struct rb_ipc_window w = current->utcb->window;
	if (!w.rights || (w.rights & ~WINDOW_RIGHTS))
		return -EINVAL;
	if (w.length && (w.base >= USER_TOP || w.length > USER_TOP - w.base))
		return -EFAULT;
	current->ipc_window = (struct ipc_window){ w.base, w.length, w.rights };
	return 0;
}

long ipc_caller_task(long rcvid)
{
	struct thread *caller = ipc_reply_target(rcvid);

	return caller ? caller->task->id : -ESRCH;
}

/* One side of a copy: where it stands in its task, and what is left of that page. */
struct side {
	struct task *task;
	uint64_t va;
	bool write;
	uint8_t *at;		/* va through the direct map, valid for left bytes */
	uint64_t left;
};

/* Finds the frame of s's page when the last one is used up: false when it is not accessible. */
static inline __attribute__((always_inline)) bool side_ready(struct side *s)
{
	uint64_t frame;

	if (s->left)
		return true;
	if (!user_page_frame(s->task, s->va, s->write, &frame))
		return false;
	s->at = (uint8_t *)phys_to_virt(frame) + (s->va & (PAGE_SIZE - 1));
	s->left = PAGE_SIZE - (s->va & (PAGE_SIZE - 1));
	return true;
}

static void side_step(struct side *s, uint64_t n)
{
	s->va += n;
	s->at += n;
	s->left -= n;
}

long ipc_window_copy(long rcvid, uint64_t offset, uint64_t local, uint64_t len, bool to_caller)
{
	struct thread *caller = ipc_reply_target(rcvid);

	if (!caller)
		return -ESRCH;
	const struct ipc_window *w = &caller->ipc_window;
	uint64_t right = to_caller ? RB_WINDOW_WRITE : RB_WINDOW_READ;
	/* The window counts only during the call that lent it. */
	if (!(ipc_frame_of(caller)->tag & RB_TAG_WINDOW) || !(w->rights & right))
		return -EPERM;
	if (offset > w->length)
		return -EINVAL;
	if (len > w->length - offset)
		len = w->length - offset;
	if (len > RB_IPC_COPY_MAX)
		len = RB_IPC_COPY_MAX;
	if (len && (local >= USER_TOP || len > USER_TOP - local))
		return -EFAULT;
	struct side mine = { current->task, local, !to_caller, NULL, 0 };
	struct side theirs = { caller->task, w->base + offset, to_caller, NULL, 0 };
	struct side *dst = to_caller ? &theirs : &mine, *src = to_caller ? &mine : &theirs;
	uint64_t done = 0;
	while (done < len) {
		if (!side_ready(&mine) || !side_ready(&theirs))
			return done ? (long)done : -EFAULT;
		uint64_t n = len - done;
		n = n < mine.left ? n : mine.left;
		n = n < theirs.left ? n : theirs.left;
		copy_bytes(dst->at, src->at, n);
		side_step(&mine, n);
		side_step(&theirs, n);
		done += n;
	}
	return (long)done;
}
