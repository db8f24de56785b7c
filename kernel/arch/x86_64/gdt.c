/*
 * Segmentation is vestigial in long mode, but the CPU still needs a GDT
 * (for privilege levels) and a TSS (for the stack to use on entry from
 * user mode, and a known-good stack for double faults).
 */
#include "arch/gdt.h"
#include <stddef.h>

_Static_assert(sizeof(struct tss) == 104, "TSS layout is fixed by the CPU");


#define SEG_CODE64_KERNEL 0x00af9a000000ffffull
#define SEG_DATA_KERNEL   0x00cf92000000ffffull
#define SEG_CODE32_USER   0x00cffa000000ffffull
#define SEG_DATA_USER     0x00cff2000000ffffull
#define SEG_CODE64_USER   0x00affa000000ffffull

/* Every CPU's GDT starts as a copy (struct cpu_tables), its TSS descriptor filled in. */
static const uint64_t gdt_template[GDT_ENTRIES] = {
	0,
	SEG_CODE64_KERNEL,
	SEG_DATA_KERNEL,
	SEG_CODE32_USER,
	SEG_DATA_USER,
	SEG_CODE64_USER,
	0, 0,			/* TSS descriptor, 16 bytes, filled at init */
};

static void gdt_fill_tss_descriptor(uint64_t *g, const struct tss *t)
{
	uint64_t base = (uint64_t)t;
	uint64_t limit = sizeof(*t) - 1;
	uint64_t present_available_tss = 0x89ull << 40;

	g[SEL_TSS / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			 present_available_tss | (((limit >> 16) & 0xf) << 48) |
			 (((base >> 24) & 0xff) << 56);
	g[SEL_TSS / 8 + 1] = base >> 32;
}

/* Load the GDT g with the TSS t, whose double faults go to df_stack_top. */
static void gdt_load(uint64_t *g, struct tss *t, uint8_t *df_stack_top)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) gdtr = { GDT_ENTRIES * sizeof(*g) - 1, (uint64_t)g };

	t->ist[IST_DOUBLE_FAULT - 1] = (uint64_t)df_stack_top;
	t->iomap_base = sizeof(*t);	/* no I/O bitmap: user port I/O faults */
	gdt_fill_tss_descriptor(g, t);

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

void gdt_init(struct cpu_tables *c)
{
	_Static_assert(sizeof(c->gdt) == sizeof(gdt_template), "a CPU's GDT is the template's size");
	for (unsigned i = 0; i < GDT_ENTRIES; i++)
		c->gdt[i] = gdt_template[i];
	gdt_load(c->gdt, &c->tss, c->double_fault_stack + sizeof(c->double_fault_stack));
}
