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

	return caller ? task_key(caller->task) : -ESRCH;
}

/*
 * The kernel's address of user byte va of t, if its page is accessible so
 * (written if write), and in *left the bytes from there to the page's end.
 */
static inline __attribute__((always_inline)) uint8_t *byte_at(struct task *t, uint64_t va, bool write,
							       uint64_t *left)
{
	uint64_t frame;

	if (!user_page_frame(t, va, write, &frame))
		return NULL;
	*left = PAGE_SIZE - (va & (PAGE_SIZE - 1));
	return (uint8_t *)phys_to_virt(frame) + (va & (PAGE_SIZE - 1));
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
	/* Each side's page is looked up once, when the copy reaches it. */
	uint64_t theirs_va = w->base + offset, done = 0, mine_left = 0, theirs_left = 0;
	uint8_t *mine = NULL, *theirs = NULL;
	while (done < len) {
		if (!mine_left && !(mine = byte_at(current->task, local + done, !to_caller, &mine_left)))
			break;
		if (!theirs_left && !(theirs = byte_at(caller->task, theirs_va + done, to_caller, &theirs_left)))
			break;
		uint64_t n = len - done;
		n = n < mine_left ? n : mine_left;
		n = n < theirs_left ? n : theirs_left;
		if (to_caller)
			copy_bytes(theirs, mine, n);
		else
			copy_bytes(mine, theirs, n);
		mine += n;
		theirs += n;
		mine_left -= n;
		theirs_left -= n;
		done += n;
	}
	return done || !len ? (long)done : -EFAULT;
}
