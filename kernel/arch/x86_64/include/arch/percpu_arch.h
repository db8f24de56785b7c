/*
 * What x86-64 keeps per CPU, first in struct cpu (percpu.h): the GS base
 * points at it in kernel mode, so the entry code reaches these fields at
 * fixed offsets from GS (docs/kernel.md, CPUs: the swapgs rule).
 */
#ifndef ARCH_PERCPU_ARCH_H
#define ARCH_PERCPU_ARCH_H

#define CPU_ARCH_SELF         0		/* %gs:0, the struct cpu itself (percpu.h: cpu_this) */
#define CPU_ARCH_USER_RSP     8		/* %gs:8, the user's rsp while SYSCALL entry saves it */
/* %gs:84, the TSS's rsp0: the stack of interrupts from user mode, and SYSCALL's (which does not use the TSS). */
#define CPU_ARCH_KERNEL_STACK 84

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stddef.h>
#include "arch/gdt.h"

struct cpu;

struct cpu_arch {
	struct cpu *self;
	uint64_t user_rsp;
	struct cpu_tables tables;	/* its GDT, TSS and double-fault stack */
};

_Static_assert(offsetof(struct cpu_arch, self) == CPU_ARCH_SELF, "entry code offsets");
_Static_assert(offsetof(struct cpu_arch, tables.tss.rsp[0]) == CPU_ARCH_KERNEL_STACK, "entry code offsets");
_Static_assert(offsetof(struct cpu_arch, user_rsp) == CPU_ARCH_USER_RSP, "entry code offsets");

/*
 * This CPU's field of type type at offset off of its struct cpu, as an
 * lvalue through GS (GCC's __seg_gs address space), kernel mode only
 * (entries from user mode swapgs): one instruction to read, test or
 * write it.  The compiler treats it as it would a variable: it reads
 * again after any call and after any store that may reach it (by type,
 * as for any memory), so it never reuses a value from before a call (a
 * thread switched away may resume on another CPU: a switch is a call, or
 * an asm that clobbers memory), and reuses it in between.  Not for offset
 * 0: ARCH_CPU_SELF.
 */
#define ARCH_CPU_FIELD(type, off) (*(type __seg_gs *)(off))

/*
 * This CPU's struct cpu (the self pointer, %gs:0), one load, in assembly:
 * GCC drops stores through a pointer it loaded from address 0, whatever
 * its address space.  anchor is the self field of one CPU's record, an
 * input that makes the compiler read again after any call (a thread
 * switched away may resume on another CPU).
 */
#define ARCH_CPU_SELF(type, anchor) ({						\
	type v_;								\
	__asm__("movq %%gs:%c1, %0" : "=r"(v_) : "i"(CPU_ARCH_SELF), "m"(anchor)); \
	v_;									\
})

/*
 * The stack for entries from user mode on this CPU: its TSS's rsp0, which
 * interrupts take and syscall_entry.S reads.  No C code reads it, so the
 * compiler is told of no memory written, and
 * keeps what it read from memory before (a "memory" clobber here made it
 * reload the running thread and more after every switch).
 */
static inline void gdt_set_kernel_stack(uint64_t rsp0)
{
	__asm__ volatile("movq %0, %%gs:%c1" : : "r"(rsp0), "i"(CPU_ARCH_KERNEL_STACK));
}
#endif

#endif
