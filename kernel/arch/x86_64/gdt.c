/*
 * Segmentation is vestigial in long mode, but the CPU still needs a GDT
 * (for privilege levels) and a TSS (for the stack to use on entry from
 * user mode, and a known-good stack for double faults).
 */
#include "arch/gdt.h"
#include <stddef.h>

_Static_assert(sizeof(struct tss) == 104, "TSS layout is fixed by the CPU");
_Static_assert(offsetof(struct tss, rsp) == 4, "syscall_entry.S reads rsp[0] at tss + TSS_RSP0");

struct tss tss;
static uint8_t double_fault_stack[4096] __attribute__((aligned(16)));

#define SEG_CODE64_KERNEL 0x00af9a000000ffffull
#define SEG_DATA_KERNEL   0x00cf92000000ffffull
#define SEG_CODE32_USER   0x00cffa000000ffffull
#define SEG_DATA_USER     0x00cff2000000ffffull
#define SEG_CODE64_USER   0x00affa000000ffffull

static uint64_t gdt[8] = {
	0,
	SEG_CODE64_KERNEL,
	SEG_DATA_KERNEL,
	SEG_CODE32_USER,
	SEG_DATA_USER,
	SEG_CODE64_USER,
	0, 0,			/* TSS descriptor, 16 bytes, filled at init */
};

static void gdt_fill_tss_descriptor(void)
{
	uint64_t base = (uint64_t)&tss;
	uint64_t limit = sizeof(tss) - 1;
	uint64_t present_available_tss = 0x89ull << 40;

	gdt[SEL_TSS / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			   present_available_tss | (((limit >> 16) & 0xf) << 48) |
			   (((base >> 24) & 0xff) << 56);
	gdt[SEL_TSS / 8 + 1] = base >> 32;
}

void gdt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) gdtr = { sizeof(gdt) - 1, (uint64_t)gdt };

	tss.ist[IST_DOUBLE_FAULT - 1] = (uint64_t)(double_fault_stack + sizeof(double_fault_stack));
	tss.iomap_base = sizeof(tss);	/* no I/O bitmap: user port I/O faults */
	gdt_fill_tss_descriptor();

	__asm__ volatile(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %w2, %%ax\n\t"
		"movw %%ax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"ltr %w3"
		: : "m"(gdtr), "i"(SEL_KERNEL_CODE), "r"(SEL_KERNEL_DATA), "r"(SEL_TSS)
		: "rax", "memory");
}

