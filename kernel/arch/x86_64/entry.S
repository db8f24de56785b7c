/*
 * Interrupt and exception entry.  Every vector gets a tiny stub that makes
 * the stack look the same (error code or a dummy 0, then the vector) and
 * joins trap_common, which saves the registers as a struct trap_frame and
 * calls trap_dispatch().  The kernel runs on one CPU with interrupts off,
 * so there is no per-CPU state to find and no swapgs.
 */
	.text

.macro STUB vec
	.balign 16
stub_\vec:
	.if (\vec == 8 || \vec == 10 || \vec == 11 || \vec == 12 || \vec == 13 || \vec == 14 || \vec == 17 || \vec == 21 || \vec == 29 || \vec == 30)
	.else
	pushq $0
	.endif
	pushq $\vec
	jmp trap_common
.endm

.altmacro
.macro STUB_AT n
	STUB %n
.endm
.macro STUB_ADDR n
	.quad stub_\n
.endm

vec = 0
.rept 48
	STUB_AT %vec
	vec = vec + 1
.endr
	STUB 128

	.section .rodata
	.balign 8
	.global trap_stub_table
trap_stub_table:		/* vectors 0..47, then 0x80 */
vec = 0
.rept 48
	STUB_ADDR %vec
	vec = vec + 1
.endr
	.quad stub_128

	.text
	.balign 16
trap_common:
	pushq %r15
	pushq %r14
	pushq %r13
	pushq %r12
	pushq %r11
	pushq %rbp
	pushq %rcx
	pushq %rbx
	pushq %rax
	pushq %r9
	pushq %r8
	pushq %r10
	pushq %rdx
	pushq %rsi
	pushq %rdi
	movq %rsp, %rdi
	call trap_dispatch
	movq %rsp, %rdi
	/* fall through */

	.global trap_return
trap_return:
	movq %rdi, %rsp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %r10
	popq %r8
	popq %r9
	popq %rax
	popq %rbx
	popq %rcx
	popq %rbp
	popq %r11
	popq %r12
	popq %r13
	popq %r14
	popq %r15
	addq $16, %rsp		/* vector and error code */
	iretq
