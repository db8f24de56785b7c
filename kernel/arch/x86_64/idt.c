/* The interrupt descriptor table: every vector Rainbow handles, and no other. */
#include "arch/interrupt.h"
#include "arch/gdt.h"
#include "arch/protect.h"
#include "arch/lapic.h"
#include "klock.h"
#include <stddef.h>

#define GATE_INTERRUPT 0x8e	/* present, DPL 0, interrupts stay off */
#define GATE_USER      0x60	/* DPL 3: reachable with int from user mode */

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

static struct idt_gate idt[256];
/* entry.S: the stubs, and the same stubs starting with clac for SMAP. */
/* The stubs of vectors 0 .. VEC_STUBS - 1, then int $0x80's without the kernel lock and with it. */
extern const uint64_t trap_stub_table[VEC_STUBS + 2];
extern const uint64_t trap_stub_table_smap[VEC_STUBS + 2];

static void idt_set(unsigned vector, uint64_t handler, uint8_t type, uint8_t ist)
{
	idt[vector] = (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = SEL_KERNEL_CODE,
		.ist = ist,
		.type = type,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

void idt_init(void)
{
	unsigned n = VEC_STUBS;
	const uint64_t *stub = protect_smap ? trap_stub_table_smap : trap_stub_table;

	for (unsigned v = 0; v < n; v++)
		idt_set(v, stub[v], GATE_INTERRUPT,
			v == VEC_DOUBLE_FAULT ? IST_DOUBLE_FAULT : 0);
	idt_set(VEC_SYSCALL, stub[n + klock_shared()], GATE_INTERRUPT | GATE_USER, 0);
	idt_set(VEC_LAPIC_SPURIOUS, (uint64_t)lapic_spurious_entry, GATE_INTERRUPT, 0);
	idt_load();
}

void idt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
