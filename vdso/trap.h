/*
 * Entering the kernel through the system call interrupt (see sysno.h).
 *
 * The kernel preserves every register but rax, so the only clobber is
 * "memory": the kernel may read and write user memory.
 */
#ifndef RAINBOW_VDSO_TRAP_H
#define RAINBOW_VDSO_TRAP_H

#include "sysno.h"

static inline long rb_syscall0(long nr)
{
	long ret;

	__asm__ volatile("int %[vector]"
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), "a"(nr)
			 : "memory");
	return ret;
}

static inline long rb_syscall1(long nr, long a0)
{
	long ret;

	__asm__ volatile("int %[vector]"
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), "a"(nr),
			   "D"(a0)
			 : "memory");
	return ret;
}

static inline long rb_syscall2(long nr, long a0, long a1)
{
	long ret;

	__asm__ volatile("int %[vector]"
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), "a"(nr),
			   "D"(a0), "S"(a1)
			 : "memory");
	return ret;
}

static inline long rb_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	__asm__ volatile("int %[vector]"
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), "a"(nr),
			   "D"(a0), "S"(a1), "d"(a2)
			 : "memory");
	return ret;
}

/* The fourth argument travels in r10, which has no constraint letter. */
static inline long rb_syscall4(long nr, long a0, long a1, long a2, long a3)
{
	register long r10 __asm__("r10") = a3;
	long ret;

	__asm__ volatile("int %[vector]"
			 : "=a"(ret)
			 : [vector] "i"(RB_SYSCALL_VECTOR), "a"(nr),
			   "D"(a0), "S"(a1), "d"(a2), "r"(r10)
			 : "memory");
	return ret;
}

#endif
