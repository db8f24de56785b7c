/*
 * What x86-64 keeps per CPU, first in struct cpu (percpu.h): the GS base
 * points at it in kernel mode, so the entry code reaches these fields at
 * fixed offsets from GS (docs/kernel.md, CPUs: the swapgs rule).
 */
#ifndef ARCH_PERCPU_ARCH_H
#define ARCH_PERCPU_ARCH_H

#define CPU_ARCH_SELF         0		/* %gs:0, the struct cpu itself */
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

/* This CPU's struct cpu: one load, %gs:0. */
static inline struct cpu *arch_cpu_self(void)
{
	struct cpu *c;
	__asm__("movq %%gs:%c1, %0" : "=r"(c) : "i"(CPU_ARCH_SELF));
	return c;
}

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
