/*
 * SYSCALL, reserved for IPC.  The CPU gives us the user rip in rcx and
 * rflags in r11, and no stack: swapgs gives the CPU's struct cpu, where
 * we take the current thread's kernel stack (its TSS's rsp0, the stack
 * top of interrupts from user mode, which the switch writes anyway), save
 * the registers of the IPC convention and the callee-saved ones as a
 * struct ipc_frame, take the kernel lock when other CPUs share it
 * (syscall_entry_shared, the entry syscall_arch_init chooses then; with
 * one CPU syscall_entry, which does not test it: arch/klock_asm.h), and
 * call ipc_syscall(), which never returns: it leaves by ipc_exit, through
 * its own frame or the partner's, where the lock is given back and the
 * pops restore the frame for SYSRET.  r8..r10, which the convention does
 * not keep (the message words travel UTCB to UTCB), are cleared on the
 * way out so that no kernel value reaches user mode.
 *
 * The fastpath's way out, ipc_exit(next_frame) after a switch
 * (arch_ipc_switch_return): the CPU goes straight to user mode through
 * the partner's frame, without unwinding the C frames of either thread.
 * The thread left behind keeps, right below its frame, a switch frame
 * (context.S) whose return address is ipc_resumed, so that the scheduler
 * can also switch to it the ordinary way; its own C frames there are
 * abandoned.  That return address is already in place: it is the one the
 * call of ipc_syscall pushed, right below the frame, and ipc_syscall
 * never returns to it.
 */
#include "arch/percpu_arch.h"
#include "arch/klock_asm.h"
#include "arch/ipc_frame.h"

/* Save the frame (struct ipc_frame) on the CPU's kernel stack. */
.macro IPC_ENTRY_SAVE
	swapgs
	movq %rsp, %gs:CPU_ARCH_USER_RSP
	movq %gs:CPU_ARCH_KERNEL_STACK, %rsp
	pushq %gs:CPU_ARCH_USER_RSP
	pushq %r11
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rax
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

	.text
/* One CPU: it holds the kernel lock for good. */
	.global syscall_entry
syscall_entry:
	IPC_ENTRY_SAVE
ipc_entry_locked:
	/* rdi, rsi, rdx, rcx still hold target, tag, flags or port, user_ip; the frame is at the stack top */
	call ipc_syscall	/* never returns: its return address is the switch frame's */

/* A context_switch to a thread the fastpath left lands here, on its frame. */
	.global ipc_resumed
ipc_resumed:
	call sched_after_switch
	jmp ipc_return

	.global ipc_exit
ipc_exit:
	movq %rdi, %rsp
	/* on into ipc_return */
ipc_return:
	KLOCK_GIVE_SHARED
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	popq %rax
	popq %rdi
	popq %rsi
	popq %rdx
	xorl %r8d, %r8d		/* the kernel's values, not the user's: r8..r10 are not kept */
	xorl %r9d, %r9d
	xorl %r10d, %r10d
	popq %rcx
	popq %r11
	popq %rsp
	swapgs
	sysretq

/* More than one CPU: the lock, then target, tag, flags and user_ip again from the frame (the call changed them). */
	.global syscall_entry_shared
syscall_entry_shared:
	IPC_ENTRY_SAVE
	call smp_kernel_enter
	movq IPC_FRAME_TARGET(%rsp), %rdi
	movq IPC_FRAME_TAG(%rsp), %rsi
	movq IPC_FRAME_FLAGS(%rsp), %rdx
	movq IPC_FRAME_USER_IP(%rsp), %rcx
	jmp ipc_entry_locked
