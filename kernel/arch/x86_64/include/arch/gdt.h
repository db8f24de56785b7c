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

/* rsp[0] is also the stack syscall_entry.S switches to (SYSCALL itself does not use the TSS). */
extern struct tss tss;

void gdt_init(void);

/* Stack the CPU switches to when an interrupt or SYSCALL arrives from user mode. */
static inline void gdt_set_kernel_stack(uint64_t rsp0)
{
	tss.rsp[0] = rsp0;
}

#endif
