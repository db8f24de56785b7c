/*
 * rb_console_write() and the other functions of <rainbow/syscall.h>, as apps
 * call them: each is one indirect jump through the table the crt filled in
 * at startup (vdso_bind.c), so the vDSO code sees the caller's arguments and
 * returns straight to the caller.  The table has one 8-byte slot per line
 * of vdso_entries.h, in that order.
 */
	.text
	.set	slot, 0

#define RB_VDSO_ENTRY(name)				\
	.globl	rb_##name;				\
	.type	rb_##name, @function;			\
rb_##name:						\
	jmp	*__rb_vdso_table + 8 * slot(%rip);	\
	.size	rb_##name, . - rb_##name;		\
	.set	slot, slot + 1;

#include "vdso_entries.h"

	.section .note.GNU-stack, "", @progbits
