#ifndef IPC_PATH_H
#define IPC_PATH_H

/*
 * The kernel side of IPC (ipc.c, ipc_fastpath.c), named apart from the
 * user API <rainbow/ipc.h>: the entry, the general path, and the ways a
 * thread's wait in IPC ends from outside.
 */
#include <stdint.h>

struct thread;
struct ipc_frame;

/*
 * One IPC operation, from syscall_entry.S (vdso/ipc_abi.h), whose frame,
 * the current thread's IPC frame, holds target, tag, flags_or_port and
 * user_ip too (passed again as they are still in their registers): the
 * fastpath first, then the general path; results land in the frame
 * (ipc_fastpath.c).  Never returns: it leaves to user mode through an IPC
 * frame.
 */
_Noreturn void ipc_syscall(uint64_t target, uint64_t tag, uint64_t flags_or_port,
			   uint64_t user_ip);

/* End a thread's wait in IPC with err (a -errno) as its result, and make it ready. */
void ipc_wake_with_error(struct thread *t, long err);
/* A thread is going away: leave every queue, fail the callers it holds. */
void ipc_thread_cancel(struct thread *t);

/* The general path (ipc.c): every operation, every case. */
void ipc_slowpath(struct ipc_frame *f);

#endif
