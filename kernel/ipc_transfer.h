#ifndef IPC_TRANSFER_H
#define IPC_TRANSFER_H

/*
 * The steps of moving a message, shared by the fastpath and the general
 * path; inline because they are the fastpath.
 */
#include "arch/ipc_frame.h"
#include "arch/copy_words.h"
#include "tcb.h"
#include "port.h"
#include "sched.h"
#include <rainbow/ipc.h>

static inline struct ipc_frame *ipc_frame_of(const struct thread *t)
{
	return (struct ipc_frame *)(thread_stack_top(t) - sizeof(struct ipc_frame));
}

/*
 * The fields of a tag (rainbow/ipc.h): word count, flags (RB_TAG_HANDLE,
 * RB_TAG_WINDOW, which a reply may not set: ipc.c), the label; every other bit (undefined flags, bit 63) is
 * reserved, and a tag with one is refused with -EINVAL (ipc.c, ipc_fastpath.c).
 */
#define IPC_TAG_WORDS 0xffull
#define IPC_TAG_FLAGS (0xffull << 8)
#define IPC_TAG_LABEL (RB_TAG_LABEL_MAX << 16)
#define IPC_TAG_RESERVED (~(IPC_TAG_WORDS | RB_TAG_HANDLE | RB_TAG_WINDOW | IPC_TAG_LABEL))
/* The bits of ipc_call's and ipc_wait's flags that mean nothing (yet). */
#define IPC_FLAGS_RESERVED (~(uint64_t)RB_IPC_NONBLOCK)
_Static_assert(RB_TAG_WORDS(~0ull) == IPC_TAG_WORDS, "the word count is RB_TAG_WORDS's field");
_Static_assert((RB_TAG_HANDLE & ~IPC_TAG_FLAGS) == 0, "RB_TAG_HANDLE is a tag flag");
_Static_assert((RB_TAG_WINDOW & ~IPC_TAG_FLAGS) == 0, "RB_TAG_WINDOW is a tag flag");
_Static_assert(RB_TAG_LABEL(IPC_TAG_LABEL) == RB_TAG_LABEL_MAX, "the label field holds RB_TAG_LABEL_MAX");

/*
 * The message's words, mr[0..words-1], from UTCB to UTCB (through the
 * direct map): exactly the words the tag counts, so the receiver's other
 * words keep what they held.  One rep movsq whatever the count.
 */
static inline void ipc_copy_words(struct thread *to, const struct thread *from, unsigned words)
{
	copy_words(to->utcb->mr, from->utcb->mr, words);
}

/* The receiver learns the tag (its result), who to reply to and the caller's badge (its UTCB). */
static inline void ipc_set_received(struct thread *to, uint64_t tag, const struct thread *caller,
				    uint64_t badge)
{
	ipc_frame_of(to)->result = tag;
	to->utcb->rcvid = caller->id;
	to->utcb->badge = badge;
}

/* The caller now waits for server's reply (it goes on server's list of callers: below). */
static inline void ipc_set_awaiting(struct thread *caller, struct thread *server)
{
	caller->state = THREAD_IPC_REPLY;
	caller->ipc_server = server;
}

/* The caller, on no list, now waits for server's reply, on server's list of callers. */
static inline void ipc_await_reply(struct thread *caller, struct thread *server)
{
	ipc_set_awaiting(caller, server);
	list_push_back(&server->ipc_callers, &caller->run_link);
}

/* The same for a caller queued on a port: off the port's list, onto server's, in one move. */
static inline void ipc_await_reply_from_queue(struct thread *caller, struct thread *server)
{
	ipc_set_awaiting(caller, server);
	list_move_back(&server->ipc_callers, &caller->run_link);
}

/*
 * No server thread waits on p: the current thread, a caller through a
 * handle of that badge, queues on it until one receives it, and blocks;
 * the next thread may run straight from its IPC frame (sched_ipc_block),
 * in which case this does not return.  The answer lands in the caller's
 * frame either way.
 */
static inline void ipc_queue_call(struct thread *self, struct port *p, uint64_t badge)
{
	self->ipc_badge = badge;
	list_push_back(&p->callers, &self->run_link);
	sched_ipc_block(THREAD_IPC_SEND);
}

/*
 * The current thread, self, waits on p for a caller (the caller of this
 * then blocks or switches).
 */
static inline void ipc_wait_on_port(struct thread *self, struct port *p)
{
	self->state = THREAD_IPC_RECV;
	list_push_back(&p->receivers, &self->run_link);
}

/*
 * The caller got its reply: off the server's list.  Its ipc_server stays:
 * it means something only in THREAD_IPC_REPLY, which ipc_await_reply sets
 * with it.
 */
static inline void ipc_end_reply(struct thread *caller)
{
	list_remove(&caller->run_link);
}

/*
 * The oldest unanswered caller (usually its only one) of self, the
 * current thread, if rcvid names it: a thread is on its server's
 * ipc_callers exactly while it waits for that server's reply
 * (ipc_await_reply, ipc_end_reply, ipc_wake_with_error), so one load and
 * a compare find it.  NULL otherwise.
 */
static inline __attribute__((always_inline)) struct thread *ipc_oldest_caller(struct thread *self,
									       long rcvid)
{
	const struct list *oldest = self->ipc_callers.next;

	if (__builtin_expect(oldest != &self->ipc_callers &&
			     list_entry(oldest, struct thread, run_link)->id == rcvid, 1))
		return list_entry(oldest, struct thread, run_link);
	return NULL;
}

/* The caller rcvid names, if it awaits the current thread's reply: the oldest first, then by id. */
static inline struct thread *ipc_reply_target(long rcvid)
{
	struct thread *caller = ipc_oldest_caller(current, rcvid);

	if (caller)
		return caller;
	caller = thread_by_id(rcvid);
	if (!caller || caller->state != THREAD_IPC_REPLY || caller->ipc_server != current)
		return NULL;
	return caller;
}

#endif
