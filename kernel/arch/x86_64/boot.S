/*
 * Multiboot2 entry: GRUB leaves us in 32-bit protected mode without paging.
 * We build just enough page tables to enter long mode with the kernel at
 * its higher-half link address, then call kmain().  paging.c replaces these
 * tables with precise ones (per-section permissions, a full direct map).
 */
#include "arch/layout.h"
#include "arch/cpu.h"
#include "arch/pte.h"

#define MB2_MAGIC        0xe85250d6
#define MB2_ARCH_I386    0
#define MB2_TAG_END      0
#define MB2_TAG_ENTRY    3

#define PHYS(x) ((x) - KERNEL_VMA)

	.section .multiboot, "a"
	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* The ELF entry is a higher-half address GRUB cannot jump to. */
	.balign 8
	.short MB2_TAG_ENTRY
	.short 0
	.long 12
	.long PHYS(start32)
	.balign 8
	.short MB2_TAG_END
	.short 0
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.global start32
start32:
	cli
	movl $PHYS(boot_stack_top), %esp
	movl %eax, %edi			/* multiboot2 magic: kmain's 1st argument */
	movl %ebx, %esi			/* boot information: kmain's 2nd argument */

	/* 1 GiB of 2 MiB pages, reachable at 0, at the direct map and at -2 GiB. */
	movl $PHYS(boot_pd), %ebx
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $(PTE_P | PTE_W | PTE_PS), %eax
	movl %eax, (%ebx, %ecx, 8)
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	movl $(PHYS(boot_pd) + PTE_P + PTE_W), PHYS(boot_pdpt)
	movl $(PHYS(boot_pd) + PTE_P + PTE_W), PHYS(boot_pdpt) + 8 * 510
	movl $(PHYS(boot_pdpt) + PTE_P + PTE_W), PHYS(boot_pml4)
	movl $(PHYS(boot_pdpt) + PTE_P + PTE_W), PHYS(boot_pml4) + 8 * 256
	movl $(PHYS(boot_pdpt) + PTE_P + PTE_W), PHYS(boot_pml4) + 8 * 511

	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $PHYS(boot_pml4), %eax
	movl %eax, %cr3
	ENABLE_LONG_MODE

	lgdt PHYS(boot_gdt_ptr)
	ljmp $8, $PHYS(start64_low)

	.code64
start64_low:
	movabsq $start64, %rax
	jmp *%rax

	.text
start64:
	movabsq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	xorl %eax, %eax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movw %ax, %fs
	movw %ax, %gs
	call kmain
2:	hlt
	jmp 2b

	.section .boot.rodata, "a"
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 64-bit kernel code */
boot_gdt_ptr:
	.short boot_gdt_ptr - boot_gdt - 1
	.long PHYS(boot_gdt)

	.section .bss
	.balign PAGE_SIZE
boot_pml4:	.skip PAGE_SIZE
boot_pdpt:	.skip PAGE_SIZE
boot_pd:	.skip PAGE_SIZE
	.global boot_stack_top
boot_stack:	.skip 16384
boot_stack_top:
