/*
 * rb_console_write(), ipc_call() and the other functions of
 * <rainbow/syscall.h> and <rainbow/ipc.h>, as apps call them: each is one
 * indirect jump through the table the crt filled in at startup
 * (vdso_bind.c), so the vDSO code sees the caller's arguments and returns
 * straight to the caller.  The table has one 8-byte slot per line
 * of vdso_entries.h, in that order.
 */
	.text
	.set	slot, 0

#define RB_VDSO_ENTRY(prefix, name)			\
	.globl	prefix##name;				\
	.type	prefix##name, @function;		\
prefix##name:						\
	jmp	*__rb_vdso_table + 8 * slot(%rip);	\
	.size	prefix##name, . - prefix##name;		\
	.set	slot, slot + 1;

#include "vdso_entries.h"

	.section .note.GNU-stack, "", @progbits
