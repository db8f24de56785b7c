#ifndef ARCH_THREAD_ARCH_H
#define ARCH_THREAD_ARCH_H

#include <stdint.h>
#include "tcb.h"
#include "task.h"
#include "vm.h"
#include "arch/ipc_frame.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/cpu.h"
#include "arch/pcid.h"

struct trap_frame;

/* What context_switch pops, in that order, then its return address. */
struct switch_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp, ret;
};

/*
 * Load next's CPU state; prev is NULL on the first switch.  Inline: it is
 * on every switch, IPC handoffs included.  The address space first: its
 * test of next->task comes before FXSAVE's memory clobber, so a caller
 * that told the compiler next has a task (sched_ipc_run, sched.h) keeps
 * no case for a thread without one.
 */
static inline __attribute__((always_inline)) void arch_switch_to(struct thread *prev,
								  struct thread *next)
{
	if (!prev || prev->task != next->task)
		pcid_load(next->task ? next->task->space : vm_kernel_space());
	if (prev)
		fpu_save(&prev->fpu);
	fpu_restore(&next->fpu);
	gdt_set_kernel_stack(thread_stack_top(next));
	if (!prev || prev->tls_base != next->tls_base)
		wrmsr(MSR_FS_BASE, next->tls_base);
	if (!prev || prev->utcb_base != next->utcb_base)
		wrmsr(MSR_KERNEL_GS_BASE, next->utcb_base);	/* user mode's: swapgs brings it */
}
void context_switch(uint64_t *save_rsp, uint64_t load_rsp);

/*
 * After arch_switch_to(prev, next), both threads in IPC (entered by
 * SYSCALL): go straight to next's user mode (ipc_exit through its frame),
 * leaving prev resumable by context_switch through the switch frame
 * right below its own IPC frame, whose return address, ipc_resumed, the
 * call of ipc_syscall pushed (syscall_entry.S).  The C frames of both
 * are dropped.
 */
static inline __attribute__((always_inline)) _Noreturn void arch_ipc_switch_return(struct thread *prev, struct thread *next)
{
	prev->kernel_sp = thread_stack_top(prev) - sizeof(struct ipc_frame) - sizeof(struct switch_frame);
	ipc_exit((struct ipc_frame *)(thread_stack_top(next) - sizeof(struct ipc_frame)));
}

/* Where a context_switch to a thread arch_ipc_switch_return left resumes (syscall_entry.S). */
void ipc_resumed(void);

/*
 * Whether t, not running, was left by arch_ipc_switch_return: the return
 * address of the switch frame at its kernel_sp is ipc_resumed.  Such a
 * thread can be resumed straight through its IPC frame
 * (arch_ipc_switch_return) as well as by context_switch.
 */
static inline bool arch_ipc_resumable(const struct thread *t)
{
	return ((const struct switch_frame *)t->kernel_sp)->ret == (uint64_t)ipc_resumed;
}

/* Make t start in kernel mode in fn, which must never return. */
void thread_start_kernel(struct thread *t, void (*fn)(void));

/* Load the running thread's FS base after it changed it. */
void thread_load_tls(const struct thread *t);

#endif
