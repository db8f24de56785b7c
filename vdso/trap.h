/*
 * Entering the kernel through the system call interrupt (see sysno.h).
 *
 * The kernel preserves every register but rax, so the only clobber is
 * "memory": the kernel may read and write user memory.
 *
 * Each int instruction is recorded in the section .rb_trap_sites as two
 * 32-bit words, the call's number and the instruction's distance from the
 * second word: the kernel accepts a call only from the one site recorded
 * for its number (kernel/vdso_traps.c), so the number must be a constant
 * where the inline is expanded, and each call must have one site.
 */
#ifndef RAINBOW_VDSO_TRAP_H
#define RAINBOW_VDSO_TRAP_H

#include "sysno.h"

/*
 * A kernel entry instruction insn at label 1, recorded in section as the
 * operand named number and its distance: vdso/ipc.c's SYSCALL uses it too.
 */
#define RB_KERNEL_ENTRY(insn, section, number)			\
	"1:\t" insn "\n\t"						\
	".pushsection " section ", \"a\"\n\t"				\
	".balign 4\n\t"						\
	".long %c[" number "]\n\t"					\
	".long 1b - .\n\t"						\
	".popsection"

#define RB_TRAP_SITE RB_KERNEL_ENTRY("int %[vector]", ".rb_trap_sites", "nr")

static inline __attribute__((always_inline)) long rb_syscall0(long nr)
{
	long ret;

	__asm__ volatile(RB_TRAP_SITE
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), [nr] "i"(nr), "a"(nr)
			 : "memory");
	return ret;
}

static inline __attribute__((always_inline)) long rb_syscall1(long nr, long a0)
{
	long ret;

	__asm__ volatile(RB_TRAP_SITE
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), [nr] "i"(nr), "a"(nr),
			   "D"(a0)
			 : "memory");
	return ret;
}

static inline __attribute__((always_inline)) long rb_syscall2(long nr, long a0, long a1)
{
	long ret;

	__asm__ volatile(RB_TRAP_SITE
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), [nr] "i"(nr), "a"(nr),
			   "D"(a0), "S"(a1)
			 : "memory");
	return ret;
}

static inline __attribute__((always_inline)) long rb_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	__asm__ volatile(RB_TRAP_SITE
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), [nr] "i"(nr), "a"(nr),
			   "D"(a0), "S"(a1), "d"(a2)
			 : "memory");
	return ret;
}

/* The fourth argument travels in r10, which has no constraint letter. */
static inline __attribute__((always_inline)) long rb_syscall4(long nr, long a0, long a1, long a2, long a3)
{
	register long r10 __asm__("r10") = a3;
	long ret;

	__asm__ volatile(RB_TRAP_SITE
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), [nr] "i"(nr), "a"(nr),
			   "D"(a0), "S"(a1), "d"(a2), "r"(r10)
			 : "memory");
	return ret;
}

#endif
