#ifndef IPC_H
#define IPC_H

#include <stdint.h>
#include <stdbool.h>

struct thread;
struct ipc_frame;

/* syscall_entry.S: one IPC operation (vdso/ipc_abi.h) of the current thread. */
void ipc_syscall(struct ipc_frame *f);

/* End a thread's wait in IPC with err as its result. */
void ipc_wake_with_error(struct thread *t, long err);
/* A thread is going away: leave every queue, fail the callers it holds. */
void ipc_thread_cancel(struct thread *t);

/* Shared by the fastpath (ipc_fastpath.c) and the general path (ipc.c). */
struct ipc_frame *ipc_frame_of(const struct thread *t);
/* Deliver caller's message (its registers in src) to server's frame. */
void ipc_receive(struct thread *server, struct thread *caller, const struct ipc_frame *src,
		 uint64_t tag, uint64_t badge);
/* Deliver server's reply (registers in src) to caller, which stops waiting. */
void ipc_deliver_reply(struct thread *caller, struct thread *server,
		       const struct ipc_frame *src, uint64_t tag);
/* The caller rcvid names if it awaits current's reply, else NULL. */
struct thread *ipc_reply_target(long rcvid);

bool ipc_fastpath_call(struct ipc_frame *f);
bool ipc_fastpath_reply_and_wait(struct ipc_frame *f);

#endif
