/*
 * Interrupt and exception entry.  Every vector gets a tiny stub that makes
 * the stack look the same (error code or a dummy 0, then the vector) and
 * joins trap_common, which saves the registers as a struct trap_frame and
 * calls trap_dispatch(); int $0x80's stub is the whole system-call path
 * (SYSCALL_TRAP).  An entry from user mode swaps GS's base for the
 * CPU's own (swapgs), and the return to user mode swaps it back
 * (docs/kernel.md, CPUs); an entry from kernel mode does neither.  The
 * kernel lock is given back on every return (trap_return, and int $0x80's
 * stub with the lock); int $0x80 takes it here, the other entries in
 * trap_dispatch.
 *
 * The stubs come twice.  An interrupt does not clear RFLAGS.AC, which user
 * mode may set: with SMAP on, the kernel must clear it first (clac) or a
 * user could switch SMAP off for the kernel.  Without SMAP clac does not
 * exist, so idt_init picks the table: trap_stub_table_smap when SMAP is
 * on, trap_stub_table (no extra instruction at all) otherwise.
 */
#include "arch/klock_asm.h"

	.text

/*
 * The registers a system call passes and returns, rax and the arguments
 * in trap_frame order: the last pushes of every entry, the first pops of
 * every exit.
 */
.macro PUSH_CALL_REGS
	pushq %rax
	pushq %r9
	pushq %r8
	pushq %r10
	pushq %rdx
	pushq %rsi
	pushq %rdi
.endm

.macro POP_CALL_REGS
	popq %rdi
	popq %rsi
	popq %rdx
	popq %r10
	popq %r8
	popq %r9
	popq %rax
.endm

/*
 * int $0x80, in its stub: the system-call dispatcher at once, which also
 * switches on the way out if asked (no vector test, no check of the
 * privilege it came from: the gate is the only way in for user mode, and
 * the kernel never uses it).  The frame has the struct trap_frame layout,
 * but only the registers a call may change are saved and restored: the
 * arguments, rax, and rcx and r11 (kept for the vDSO's callers).  The
 * callee-saved ones, the vector and the error code are left unwritten:
 * the C code keeps the callee-saved registers itself, and nothing reads
 * those fields of a system call's frame.  It comes twice: with one CPU
 * (lock 0) the boot CPU holds the kernel lock for good and the stub has
 * no test for it; with more (lock 1), the stub takes it and gives it
 * back (a thread returns through the stub it entered by, so through the
 * one of the machine's CPU count); idt_init sets the gate to the one
 * klock_shared asks for.
 */
.macro SYSCALL_TRAP lock
	swapgs			/* always from user mode */
	subq $64, %rsp		/* error, vector, r15, r14, r13, r12, rbp, rbx */
	pushq %r11
	pushq %rcx
	PUSH_CALL_REGS
	.if \lock
	call smp_kernel_enter
	.endif
	movq %rsp, %rdi
	call syscall_dispatch
	.if \lock
	call klock_give
	.endif
	POP_CALL_REGS
	popq %rcx
	popq %r11
	addq $64, %rsp
	swapgs
	iretq
.endm

.macro STUB vec, kind
	.balign 16
stub\kind\()_\vec:
	.ifc \kind,_smap
	clac
	.endif
	.if (\vec == 8 || \vec == 10 || \vec == 11 || \vec == 12 || \vec == 13 || \vec == 14 || \vec == 17 || \vec == 21 || \vec == 29 || \vec == 30)
	.else
	pushq $0
	.endif
	pushq $\vec
	jmp trap_common
.endm

/* int $0x80's stub of one kind, without the kernel lock (lock 0) or with it (1, suffix _shared). */
.macro SYSCALL_STUB kind, lock, suffix
	.balign 16
stub\kind\()_128\suffix:
	.ifc \kind,_smap
	clac
	.endif
	SYSCALL_TRAP \lock
.endm

.altmacro
.macro STUB_AT n, kind
	STUB %n, \kind
.endm
.macro STUB_ADDR n, kind
	.quad stub\kind\()_\n
.endm

/* The stubs of one kind ("" or _smap) and their table, vectors 0..49, then 0x80's two. */
.macro STUBS kind
	.text
vec = 0
.rept 50		/* VEC_STUBS, arch/interrupt.h */
	STUB_AT %vec, \kind
	vec = vec + 1
.endr
	SYSCALL_STUB \kind, 0
	SYSCALL_STUB \kind, 1, _shared

	.section .rodata
	.balign 8
	.global trap_stub_table\kind
trap_stub_table\kind:
vec = 0
.rept 50		/* VEC_STUBS, arch/interrupt.h */
	STUB_ADDR %vec, \kind
	vec = vec + 1
.endr
	.quad stub\kind\()_128
	.quad stub\kind\()_128_shared
.endm

	STUBS
	STUBS _smap

	.text
	.balign 16
trap_common:
	testb $3, 24(%rsp)	/* the saved CS, above vector, error and rip */
	jz 1f
	swapgs
1:	pushq %r15
	pushq %r14
	pushq %r13
	pushq %r12
	pushq %rbp
	pushq %rbx
	pushq %r11
	pushq %rcx
	PUSH_CALL_REGS
	movq %rsp, %rdi
	call trap_dispatch
	movq %rsp, %rdi
	/* fall through */

	.global trap_return
trap_return:
	movq %rdi, %rsp
	KLOCK_GIVE_SHARED
	POP_CALL_REGS
	popq %rcx
	popq %r11
	popq %rbx
	popq %rbp
	popq %r12
	popq %r13
	popq %r14
	popq %r15
	addq $16, %rsp		/* vector and error code */
	testb $3, 8(%rsp)	/* the saved CS, above rip */
	jz 1f
	swapgs
1:	iretq
