/*
 * SYSCALL, reserved for IPC.  The CPU gives us the user rip in rcx and
 * rflags in r11, and no stack: we take the current thread's kernel stack
 * (one CPU, so a plain variable holds it), save the registers of the IPC
 * convention as a struct ipc_frame, call ipc_syscall(), and go back with
 * SYSRET.  Callee-saved registers survive through the C code itself.
 */
	.text
	.global syscall_entry
syscall_entry:
	movq %rsp, syscall_user_rsp(%rip)
	movq kernel_stack_top(%rip), %rsp
	pushq syscall_user_rsp(%rip)
	pushq %r11
	pushq %rcx
	pushq %r10
	pushq %r9
	pushq %r8
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rax
	movq %rsp, %rdi
	call ipc_syscall
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
	sysretq

	.bss
	.balign 8
syscall_user_rsp:
	.quad 0
