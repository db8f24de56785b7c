#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#include <stdint.h>

/*
 * Selector order is dictated by SYSCALL/SYSRET: the kernel pair follows
 * STAR[47:32], the user pair (data, then 64-bit code) follows STAR[63:48].
 */
#define SEL_KERNEL_CODE 0x08
#define SEL_KERNEL_DATA 0x10
#define SEL_USER_BASE   0x18    /* STAR[63:48]: unused 32-bit user code */
#define SEL_USER_DATA   (0x20 | 3)
#define SEL_USER_CODE   (0x28 | 3)
#define SEL_TSS         0x30

#define IST_DOUBLE_FAULT 1

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

#define GDT_ENTRIES 8
#define DOUBLE_FAULT_STACK_BYTES 4096

/* A CPU's own descriptor tables and stack for double faults (struct cpu_arch). */
struct cpu_tables {
	uint64_t gdt[GDT_ENTRIES];
	struct tss tss;
	uint8_t double_fault_stack[DOUBLE_FAULT_STACK_BYTES] __attribute__((aligned(16)));
};

/* Fill a CPU's GDT (its own TSS in it) in c and load both; on that CPU. */
void gdt_init(struct cpu_tables *c);

/*
 * gdt_set_kernel_stack(rsp0), the stack this CPU switches to when an
 * interrupt or SYSCALL arrives from user mode (its TSS's for interrupts,
 * its struct cpu_arch's for syscall_entry.S: SYSCALL does not use the
 * TSS), is in percpu_arch.h, which reaches them through GS.
 */
#include "arch/percpu_arch.h"

#endif
