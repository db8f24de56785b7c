/*
 * _setjmp and _longjmp (POSIX, obsolescent): setjmp and longjmp, since a
 * task has no signal mask for them to leave alone.  A jump, not a call, so
 * that setjmp sees _setjmp's caller's stack and return address, which
 * only assembly can do (C's setjmp cannot be wrapped by a function).
 */
	.text
	.globl	_setjmp
	.type	_setjmp, @function
_setjmp:
	jmp	setjmp
	.size	_setjmp, . - _setjmp

	.globl	_longjmp
	.type	_longjmp, @function
_longjmp:
	jmp	longjmp
	.size	_longjmp, . - _longjmp

	.section .note.GNU-stack, "", @progbits
