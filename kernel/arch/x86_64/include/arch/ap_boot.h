/*
 * The start-up code of the other CPUs (ap_boot.S): copied to a page below
 * 1 MiB, where a CPU woken by a start-up IPI begins in real mode.  It goes
 * through protected mode to long mode, on page tables that map the page
 * where it is (identity) and the kernel half, then calls entry(cpu) on
 * stack.  smp_arch.c fills the data, at AP_BOOT_DATA in the page.
 */
#ifndef ARCH_AP_BOOT_H
#define ARCH_AP_BOOT_H

#define AP_BOOT_DATA 8		/* the data's offset in the page (ap_boot.S checks it) */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct ap_boot_data {
	uint16_t gdt_limit;	/* lgdt's operand: the temporary GDT in the page */
	uint32_t gdt_base;	/* physical */
	uint16_t pad0;
	uint32_t prot_entry;	/* far pointer to the 32-bit code in the page */
	uint16_t prot_cs;
	uint16_t pad1;
	uint32_t long_entry;	/* far pointer to the 64-bit code in the page */
	uint16_t long_cs;
	uint16_t pad2;
	uint64_t cr3;		/* page tables: below 4 GiB, mapping the page and the kernel half */
	uint64_t cr4;		/* the boot CPU's */
	uint64_t stack;		/* the kernel stack's top */
	uint64_t entry;		/* void entry(struct cpu *), never returns */
	uint64_t cpu;		/* its argument */
} __attribute__((packed));

extern const char ap_trampoline[], ap_trampoline_end[];
/* Offsets in the page of the temporary GDT, the 32-bit and the 64-bit code. */
extern const char ap_gdt_offset[], ap_prot_offset[], ap_long_offset[];
#endif

#endif
