/*
 * rb_console_write(), ipc_call() and the other functions of
 * <rainbow/syscall.h> and <rainbow/ipc.h>, as apps call them: each is one
 * indirect jump through the table the crt filled in at startup
 * (vdso_bind.c), so the vDSO code sees the caller's arguments and returns
 * straight to the caller.  The table has one 8-byte slot per function
 * of the list of calls (vdso/calls.def), in that order.
 */
	.text
	.set	slot, 0

#define RB_VDSO(fn)					\
	.globl	fn;					\
	.type	fn, @function;				\
fn:							\
	jmp	*__rb_vdso_table + 8 * slot(%rip);	\
	.size	fn, . - fn;				\
	.set	slot, slot + 1;

#include "calls.def"

	.section .note.GNU-stack, "", @progbits
