/*
 * Synchronous IPC, the general path (ipc_fastpath.c takes the common case
 * first).  A call finds a server thread waiting on the port, or queues on
 * the port; a server waiting finds a queued caller, or queues as a
 * receiver.  Once received, a caller waits on the server thread's list of
 * callers until that thread replies to its rcvid (its thread id).
 * Results are written straight into the waiting thread's saved IPC frame
 * (arch/ipc_frame.h), so a woken thread just returns to user mode.
 * Each operation checks everything before it changes anything.
 */
#include "ipc_path.h"
#include "ipc_transfer.h"
#include "ipc_copy.h"
#include "ipc_abi.h"
#include "port.h"
#include "handle.h"
#include "tcb.h"
#include "task.h"
#include "sched.h"
#include <rainbow/ipc.h>
#include <errno.h>

/*
 * The message words, UTCB to UTCB; a handle carried goes to the receiver's
 * table (for a call, counted against its sender, handle.h), its number or
 * -errno in the receiver's mr[0].
 */
static void transfer(struct thread *from, struct thread *to, uint64_t tag, struct task *sender)
{
	ipc_copy_words(to, from, RB_TAG_WORDS(tag));
	if (tag & RB_TAG_HANDLE)
		to->utcb->mr[0] = (uint64_t)handle_transfer(&from->task->handles, (long)from->utcb->mr[0],
							    &to->task->handles, sender);
}

/* Deliver caller's message to server (the tag to its frame, the rest to its UTCB). */
static void receive(struct thread *server, struct thread *caller, uint64_t tag, uint64_t badge)
{
	transfer(caller, server, tag, caller->task);
	ipc_set_received(server, tag, caller, badge);
	ipc_await_reply(caller, server);
}

/* Deliver server's reply to caller. */
static void deliver_reply(struct thread *caller, struct thread *server, uint64_t tag)
{
	transfer(server, caller, tag, NULL);
	ipc_frame_of(caller)->result = tag;
	ipc_end_reply(caller);
}

/* Checks every message needs: no reserved bit, its size, and a handle it carries. */
static long check_message(uint64_t tag)
{
	long err;

	if (tag & IPC_TAG_RESERVED)
		return -EINVAL;
	if (RB_TAG_WORDS(tag) > RB_IPC_MRS)
		return -EMSGSIZE;
	if ((tag & RB_TAG_HANDLE) &&
	    (RB_TAG_WORDS(tag) < 1 || !handle_port(&current->task->handles, (long)current->utcb->mr[0], &err)))
		return -EBADF;
	return 0;
}

static struct thread *first_waiter(struct list *queue)
{
	return list_entry(queue->next, struct thread, run_link);
}


static void call(struct ipc_frame *f)
{
	uint64_t tag = f->tag;
	long err = f->flags & IPC_FLAGS_RESERVED ? -EINVAL : 0;
	const struct handle *h = err ? NULL : handle_live(&current->task->handles, (long)f->target, &err);

	if (!h || (err = check_message(tag)) || (err = ipc_window_take(tag)) ||
	    ((tag & RB_TAG_HANDLE) && (err = handle_send_check(h->port, current->task)))) {
		f->result = err;
		return;
	}
	struct port *p = h->port;
	uint64_t badge = h->badge;
	if (list_empty(&p->receivers)) {
		if (f->flags & RB_IPC_NONBLOCK) {
			f->result = -EAGAIN;
			return;
		}
		ipc_queue_call(current, p, badge);
		return;
	}
	struct thread *server = first_waiter(&p->receivers);
	list_remove(&server->run_link);
	receive(server, current, tag, badge);
	sched_handoff(server);
}

/* Take the oldest caller queued on p, if any, into current's frame. */
static bool receive_queued(struct port *p)
{
	if (list_empty(&p->callers))
		return false;
	struct thread *caller = first_waiter(&p->callers);
	list_remove(&caller->run_link);
	receive(current, caller, ipc_frame_of(caller)->tag, caller->ipc_badge);
	return true;
}

static void wait(struct ipc_frame *f)
{
	long err = f->flags & IPC_FLAGS_RESERVED ? -EINVAL : 0;
	struct port *p = err ? NULL : handle_owned_port(&current->task->handles, (long)f->target, &err);

	if (!p) {
		f->result = err;
		return;
	}
	if (receive_queued(p))
		return;
	if (f->flags & RB_IPC_NONBLOCK) {
		f->result = -EAGAIN;
		return;
	}
	ipc_wait_on_port(current, p);
	sched_ipc_block(current->state);
}

/* A reply's checks: a message's, and no window (only a call lends one). */
static long check_reply(uint64_t tag)
{
	return tag & RB_TAG_WINDOW ? -EINVAL : check_message(tag);
}

static void reply(struct ipc_frame *f)
{
	uint64_t tag = f->tag;
	struct thread *caller = ipc_reply_target((long)f->target);
	long err = check_reply(tag);

	if (!caller || err) {
		f->result = err ? err : -ESRCH;
		return;
	}
	deliver_reply(caller, current, tag);
	sched_make_ready(caller);
	f->result = 0;
}

static void reply_and_wait(struct ipc_frame *f)
{
	uint64_t tag = f->tag;
	struct thread *caller = ipc_reply_target((long)f->target);
	long err = check_reply(tag);
	struct port *p = err ? NULL : handle_owned_port(&current->task->handles, (long)f->port, &err);

	if (!caller || !p) {
		f->result = err ? err : -ESRCH;
		return;
	}
	deliver_reply(caller, current, tag);
	if (receive_queued(p)) {
		sched_make_ready(caller);
		return;
	}
	ipc_wait_on_port(current, p);
	sched_handoff(caller);
}

void ipc_slowpath(struct ipc_frame *f)
{
	switch (f->op) {
	case IPC_OP_CALL:
		call(f);
		break;
	case IPC_OP_WAIT:
		wait(f);
		break;
	case IPC_OP_REPLY:
		reply(f);
		break;
	case IPC_OP_REPLY_AND_WAIT:
		reply_and_wait(f);
		break;
	default:
		f->result = -ENOSYS;
	}
}

void ipc_wake_with_error(struct thread *t, long err)
{
	if (list_linked(&t->run_link))
		list_remove(&t->run_link);
	ipc_frame_of(t)->result = err;
	sched_make_ready(t);
}

void ipc_thread_cancel(struct thread *t)
{
	bool in_ipc = t->state == THREAD_IPC_SEND || t->state == THREAD_IPC_RECV ||
		      t->state == THREAD_IPC_REPLY;

	if (in_ipc && list_linked(&t->run_link))
		list_remove(&t->run_link);
	while (!list_empty(&t->ipc_callers))
		ipc_wake_with_error(first_waiter(&t->ipc_callers), -EPIPE);
}
