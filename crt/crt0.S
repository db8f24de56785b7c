/*
 * _start: the kernel enters here with rsp pointing at argc (System V x86-64
 * initial stack, see docs/design.md).  C takes over at once; only the stack
 * alignment a C call needs has to be made by hand.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip		/* outermost frame: backtraces stop here */
	xor	%ebp, %ebp
	mov	%rsp, %rdi		/* __rb_start(initial stack) */
	and	$-16, %rsp
	call	__rb_start
	ud2				/* __rb_start never returns */
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
