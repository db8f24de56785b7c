#ifndef IPC_H
#define IPC_H

#include <stdint.h>
#include <stdbool.h>

struct thread;
struct ipc_frame;

/* syscall_entry.S: one IPC operation (vdso/ipc_abi.h); ipc_fastpath.c. */
void ipc_syscall(struct ipc_frame *f);

/* End a thread's wait in IPC with err as its result. */
void ipc_wake_with_error(struct thread *t, long err);
/* A thread is going away: leave every queue, fail the callers it holds. */
void ipc_thread_cancel(struct thread *t);

/* The general path (ipc.c): every operation, every case. */
void ipc_slowpath(struct ipc_frame *f);

#endif
