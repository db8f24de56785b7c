/*
 * SYSCALL, reserved for IPC.  The CPU gives us the user rip in rcx and
 * rflags in r11, and no stack: swapgs gives the CPU's struct cpu, where
 * we take the current thread's kernel stack, save the registers of the IPC
 * convention and the callee-saved ones as a struct ipc_frame, take the
 * kernel lock, call ipc_syscall(), give the lock back, and go back with
 * SYSRET.
 *
 * ipc_switch_return(save_sp, prev_frame, next_frame), the fastpath's way
 * out: the CPU goes straight to user mode through the partner's frame,
 * without unwinding the C frames of either thread.  The thread left
 * behind gets, right below its frame, a switch frame (context.S) whose
 * return address is ipc_resumed, so that the scheduler can also switch to
 * it the ordinary way; its own C frames there are abandoned.
 */
#include "arch/percpu_arch.h"
#include "arch/klock_asm.h"

	.text
	.global syscall_entry
syscall_entry:
	swapgs
	movq %rsp, %gs:CPU_ARCH_USER_RSP
	movq %gs:CPU_ARCH_KERNEL_STACK, %rsp
	pushq %gs:CPU_ARCH_USER_RSP
	pushq %r11
	pushq %rcx
	pushq %r10
	pushq %r9
	pushq %r8
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
	KLOCK_TAKE_SHARED
	movq %rsp, %rdi
	call ipc_syscall
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
	popq %r8
	popq %r9
	popq %r10
	popq %rcx
	popq %r11
	popq %rsp
	swapgs
	sysretq

/* The switch frame: six callee-saved registers (not needed: the frame keeps the user's), then the return address (thread_arch.h reads it). */
#define SWITCH_FRAME_BYTES (7 * 8)

	.global ipc_switch_return
ipc_switch_return:
	leaq -SWITCH_FRAME_BYTES(%rsi), %rax
	movq $ipc_resumed, SWITCH_FRAME_BYTES - 8(%rax)
	movq %rax, (%rdi)
	movq %rdx, %rsp
	jmp ipc_return

/* A context_switch to a thread the fastpath left lands here, on its frame. */
	.global ipc_resumed
ipc_resumed:
	call sched_after_switch
	jmp ipc_return
