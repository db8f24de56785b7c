/*
 * The other CPUs' start-up code (arch/ap_boot.h).  A start-up IPI with
 * vector V starts a CPU in real mode at V:0000, so CS holds the page's
 * physical address >> 4, and nothing else is set up: no stack, interrupts
 * off.  The code is position-independent within its page (addresses come
 * from CS or from the data smp_arch.c wrote) and uses no stack until the
 * kernel's: the mode changes go through far pointers in memory.
 */
#include "arch/cpu.h"
#include "arch/ap_boot.h"

#define OFF(label) ((label) - ap_trampoline)

	.section .rodata
	.balign 16
	.global ap_trampoline, ap_trampoline_end
	.global ap_gdt_offset, ap_prot_offset, ap_long_offset
	.set ap_gdt_offset, OFF(ap_gdt)
	.set ap_prot_offset, OFF(ap_prot)
	.set ap_long_offset, OFF(ap_long)

	.code16
ap_trampoline:
	jmp ap_real
	.org ap_trampoline + AP_BOOT_DATA	/* fails to assemble if the jump outgrew it */
ap_data:			/* struct ap_boot_data */
gdt_limit:	.short 0
gdt_base:	.long 0
		.short 0
prot_entry:	.long 0
prot_cs:	.short 0
		.short 0
long_entry:	.long 0
long_cs:	.short 0
		.short 0
data_cr3:	.quad 0
data_cr4:	.quad 0
data_stack:	.quad 0
data_entry:	.quad 0
data_cpu:	.quad 0

	.balign 8
ap_gdt:
	.quad 0
	.quad 0x00cf9a000000ffff	/* 0x08: 32-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
	.quad 0x00af9a000000ffff	/* 0x18: 64-bit code */

ap_real:
	cli
	cld
	movw %cs, %ax
	movw %ax, %ds
	movzwl %ax, %ebx
	shll $4, %ebx			/* the page's physical address, kept to the end */
	lgdtl OFF(gdt_limit)
	movl %cr0, %eax
	orl $CR0_PE, %eax
	movl %eax, %cr0
	ljmpl *OFF(prot_entry)

	.code32
ap_prot:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movl OFF(data_cr4)(%ebx), %eax
	movl %eax, %cr4
	movl OFF(data_cr3)(%ebx), %eax
	movl %eax, %cr3
	ENABLE_LONG_MODE
	ljmpl *OFF(long_entry)(%ebx)

	.code64
ap_long:
	movl %ebx, %ebx			/* upper half undefined after 32-bit mode */
	movq OFF(data_stack)(%rbx), %rsp
	movq OFF(data_cpu)(%rbx), %rdi
	xorl %ebp, %ebp
	callq *OFF(data_entry)(%rbx)
	ud2
ap_trampoline_end:
