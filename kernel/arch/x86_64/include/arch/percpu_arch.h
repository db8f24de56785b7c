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
#endif

#endif
