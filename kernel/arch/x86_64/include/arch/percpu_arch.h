/*
 * What x86-64 keeps per CPU, first in struct cpu (percpu.h): the GS base
 * points at it in kernel mode, so the entry code reaches these fields at
 * fixed offsets from GS (docs/kernel.md, CPUs: the swapgs rule).
 */
#ifndef ARCH_PERCPU_ARCH_H
#define ARCH_PERCPU_ARCH_H

#define CPU_ARCH_SELF         0		/* %gs:0, the struct cpu itself (percpu.h: cpu_this) */
#define CPU_ARCH_KERNEL_STACK 8		/* %gs:8, SYSCALL's stack (the TSS has interrupts') */
#define CPU_ARCH_USER_RSP     16	/* %gs:16, the user's rsp while SYSCALL entry saves it */

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stddef.h>
#include "arch/gdt.h"

struct cpu;

struct cpu_arch {
	struct cpu *self;
	uint64_t kernel_stack_top;
	uint64_t user_rsp;
	struct cpu_tables tables;	/* its GDT, TSS and double-fault stack */
};

_Static_assert(offsetof(struct cpu_arch, self) == CPU_ARCH_SELF, "entry code offsets");
_Static_assert(offsetof(struct cpu_arch, kernel_stack_top) == CPU_ARCH_KERNEL_STACK, "entry code offsets");
_Static_assert(offsetof(struct cpu_arch, user_rsp) == CPU_ARCH_USER_RSP, "entry code offsets");

/*
 * Through GS, kernel mode only (entries from user mode swapgs).  In
 * assembly: GCC may drop a store through a C pointer whose value is 0,
 * whatever its address space.
 */

/*
 * The pointer at offset off of this CPU's struct cpu, one load.  anchor
 * names the per-CPU records, as an input: the compiler reads again after
 * any call or store to them, never reusing a value from before a call
 * (a thread switched away may resume on another CPU), but may reuse it
 * in between, as it would a variable's.
 */
#define ARCH_CPU_READ_PTR(type, off, anchor) ({					\
	type v_;								\
	__asm__("movq %%gs:%c1, %0" : "=r"(v_) : "i"(off), "m"(anchor));	\
	v_;									\
})

/* The stack for entries from user mode on this CPU: its TSS's (interrupts) and SYSCALL's. */
static inline void gdt_set_kernel_stack(uint64_t rsp0)
{
	__asm__ volatile("movq %0, %%gs:%c1\n\tmovq %0, %%gs:%c2"
			 : : "r"(rsp0), "i"(offsetof(struct cpu_arch, tables.tss.rsp[0])),
			   "i"(CPU_ARCH_KERNEL_STACK)
			 : "memory");
}
#endif

#endif
