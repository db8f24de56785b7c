/*
 * The IPC fastpath, after seL4's: the common case in straight-line C.
 * A list of guards, each falling back to the general path (ipc.c) when it
 * fails; past the marked point nothing can fail, and the CPU goes straight
 * to the partner thread's user mode through its IPC frame, without
 * touching the run queues or unwinding any C frame (sched_ipc_switch).
 * Nothing here returns: every case ends in user mode through an IPC
 * frame (ipc_exit, sched_ipc_switch), and that frame keeps the user's
 * callee-saved registers, so this file is compiled with them call-used
 * (mk/kernel.mk) and ipc_syscall's prologue saves none.  ipc_syscall is
 * flattened: gcc counts a function whose every path ends in a noreturn
 * call as cold and would call the small helpers instead of inlining them.
 *
 * Fastpath conditions (docs/ipc.md lists them for users):
 * - call: the message carries no handle, no flags, no reserved bit, at
 *   most RB_IPC_MRS words (UTCB to UTCB); the handle is valid and
 *   its port live; a server thread is already waiting on it; it has at
 *   least the caller's priority, no ready thread has a higher one, and
 *   the tick has not asked for a switch.  When no server thread waits,
 *   the caller queues on the port at once, as the general path would.
 * - reply_and_wait: the reply carries no handle and no reserved bit, at
 *   most RB_IPC_MRS words; the caller is this thread's oldest unanswered
 *   one; the port is live and owned; the caller would be the scheduler's choice, and the tick
 *   has not asked for a switch; and either no caller is queued on the
 *   port (the thread then waits, the caller runs), or the oldest queued
 *   caller's message is one the fastpath can move and the answered caller
 *   outranks this thread (the thread takes that message and is preempted
 *   by the caller, resumable through its IPC frame).
 */
#include "ipc_path.h"
#include "ipc_transfer.h"
#include "ipc_copy.h"
#include "ipc_abi.h"
#include "handle.h"
#include "port.h"
#include "tcb.h"
#include "task.h"
#include "sched.h"
#include "vdso_traps.h"
#include "arch/fault.h"
#include <rainbow/ipc.h>

#define unlikely(x) __builtin_expect(!!(x), 0)

/* The tag bits that keep a message off the fastpath: a flag (a handle to transfer), a reserved bit. */
#define TAG_NOT_FAST (IPC_TAG_RESERVED | IPC_TAG_FLAGS)

/*
 * The tag without its label: the word count when the fastpath can move
 * the message (no flag, no reserved bit), else a number past RB_IPC_MRS
 * (the flags and reserved bits lie above the count).  One mask and one
 * compare for every condition on the tag.
 */
static uint64_t fast_words(uint64_t tag)
{
	return tag & (TAG_NOT_FAST | IPC_TAG_WORDS);
}

static bool receiver_waiting(const struct port *p)
{
	return !list_empty(&p->receivers);
}

static bool no_caller_queued(const struct port *p)
{
	return list_empty(&p->callers);
}

/* The scheduler would run next now, and the caller does not outrank it. */
static bool may_hand_to(const struct thread *next)
{
	return next->priority >= current->priority && sched_may_hand_to(next);
}

/*
 * Both ends of an IPC are threads of tasks (kernel threads never enter
 * by SYSCALL): said before a switch, so that the compiler drops the
 * switch's case of a thread without a task (arch_switch_to) and keeps
 * nothing across its call.
 */
static inline __attribute__((always_inline)) void partner_has_task(const struct thread *t)
{
	if (!t->task)
		__builtin_unreachable();
}

/* Back to user mode through the current thread's IPC frame, once a switch due is done. */
static _Noreturn void return_to_user(void)
{
	sched_before_user_return();
	ipc_exit(ipc_frame_of(current));
}

/*
 * The operation whose vDSO entry (vdso_traps.h) the SYSCALL came from,
 * offset bytes past the task's vDSO base: each operation has its own
 * SYSCALL instruction, so the site names the operation and rax is not
 * read; IPC_OP_COUNT for any other address.
 */
static uint64_t op_of_site(uint64_t offset)
{
	uint64_t op = 0;

	while (op < IPC_OP_COUNT && offset != vdso_ipc_return[op])
		op++;
	return op;
}

/*
 * Every case the fastpath does not take: a stray entry is killed, the
 * rest goes to the general path.  Out of line, so that the fastpath's
 * own code keeps nothing across a call and saves no register.
 */
static __attribute__((noinline)) _Noreturn void general_path(struct ipc_frame *f)
{
	uint64_t offset = f->user_ip - current->vdso_base;
	uint64_t op = op_of_site(offset);

	if (op == IPC_OP_COUNT) {
		fault_kill_stray_entry("IPC operation", f->op, offset - IPC_ENTRY_BYTES);
	} else {
		f->op = op;
		ipc_slowpath(f);
	}
	return_to_user();
}

/*
 * The call checked, through h to p: queue behind a busy server, or hand
 * over to the server waiting, or the general path when the server may
 * not run now.
 */
static inline __attribute__((always_inline)) _Noreturn void hand_call(struct ipc_frame *f,
								       const struct handle *h,
								       struct port *p, uint64_t tag,
								       uint64_t words)
{
	if (!receiver_waiting(p)) {
		/* The server is busy: queue as the general path would, without its checks again. */
		ipc_queue_call(p, h->badge);
		return_to_user();
	}
	struct thread *server = list_entry(p->receivers.next, struct thread, run_link);
	if (unlikely(!may_hand_to(server)))
		general_path(f);

	/* Nothing can fail from here on. */
	list_remove(&server->run_link);
	ipc_copy_words(server, current, words);
	ipc_set_received(server, tag, current, h->badge);
	ipc_await_reply(current, server);
	partner_has_task(server);
	sched_ipc_switch(server);
}

/*
 * A call whose only option is a window lent (RB_TAG_WINDOW, ipc_copy.h):
 * the window taken, as a plain call.  Out of line, reached only where
 * the tag or the flags keep a call off the plain fastpath, so plain calls
 * pay nothing for it.
 */
static __attribute__((noinline)) _Noreturn void window_call(struct ipc_frame *f, const struct handle *h,
							     struct port *p)
{
	uint64_t words = fast_words(f->tag ^ RB_TAG_WINDOW);

	if (words > RB_IPC_MRS || f->flags || ipc_window_take(f->tag))
		general_path(f);
	hand_call(f, h, p, f->tag, words);
}

static _Noreturn void fastpath_call(struct ipc_frame *f, long handle, uint64_t tag, uint32_t flags)
{
	const struct handle *h = handle_slot(&current->task->handles, handle);
	struct port *p = handle_live_port(h);
	uint64_t words = fast_words(tag);

	if (unlikely(!p))
		general_path(f);
	if (unlikely(words > RB_IPC_MRS || flags))	/* a window, an option, anything else */
		window_call(f, h, p);
	hand_call(f, h, p, tag, words);
}

/* The reply (of words words) to caller, which no longer waits for it. */
static inline __attribute__((always_inline)) void reply_to(struct thread *caller, uint64_t tag,
							    uint64_t words)
{
	ipc_copy_words(caller, current, words);
	ipc_frame_of(caller)->result = tag;
	ipc_end_reply(caller);
}

/*
 * A caller is queued: answer, receive the oldest queued caller into f,
 * and let the answered caller, which outranks the current thread, run at
 * once.  Only for a queued message the fastpath can move itself.
 */
static _Noreturn void reply_and_take_queued(struct ipc_frame *f, uint64_t tag, uint64_t words,
					    struct thread *caller, struct port *p)
{
	struct thread *queued = list_entry(p->callers.next, struct thread, run_link);
	const struct ipc_frame *sent = ipc_frame_of(queued);
	uint64_t sent_words = fast_words(sent->tag);

	if (unlikely(sent_words > RB_IPC_MRS || caller->priority <= current->priority ||
		     !sched_may_hand_to(caller)))
		general_path(f);

	/* Nothing can fail from here on. */
	reply_to(caller, tag, words);
	list_remove(&queued->run_link);
	ipc_copy_words(current, queued, sent_words);
	ipc_set_received(current, sent->tag, queued, queued->ipc_badge);
	ipc_await_reply(queued, current);
	sched_ipc_preempt(caller);
}

/* The reply goes to the thread's oldest unanswered caller (the usual one); any other, the general path. */
static _Noreturn void fastpath_reply_and_wait(struct ipc_frame *f, long rcvid, uint64_t tag,
					      long port)
{
	uint64_t words = fast_words(tag);
	struct thread *caller = ipc_oldest_caller(rcvid);	/* NULL: not the oldest */

	if (unlikely(!caller))
		general_path(f);
	struct port *p = handle_live_owned_port(handle_slot(&current->task->handles,
							    port));	/* NULL: not ours, or gone */
	if (unlikely(!p || words > RB_IPC_MRS))
		general_path(f);
	if (!no_caller_queued(p))
		reply_and_take_queued(f, tag, words, caller, p);
	if (unlikely(!sched_may_hand_to(caller)))
		general_path(f);

	/* Nothing can fail from here on. */
	reply_to(caller, tag, words);
	ipc_wait_on_port(p);
	partner_has_task(caller);
	sched_ipc_switch(caller);
}

/* The operation is the entry site's (op_of_site): the fastpath's two compare it directly. */
__attribute__((flatten)) void ipc_syscall(uint64_t target, uint64_t tag, uint64_t flags_or_port,
					  struct ipc_frame *f)
{
	uint64_t offset = f->user_ip - current->vdso_base;

	if (offset == vdso_ipc_return[IPC_OP_CALL])
		fastpath_call(f, (long)target, tag, (uint32_t)flags_or_port);
	if (offset == vdso_ipc_return[IPC_OP_REPLY_AND_WAIT])
		fastpath_reply_and_wait(f, (long)target, tag, (long)flags_or_port);
	general_path(f);
}
