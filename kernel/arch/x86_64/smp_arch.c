/*
 * Starting the other CPUs on x86-64 (docs/kernel.md, CPUs): the MADT's
 * local APIC ids, INIT-SIPI-SIPI to the start-up code (ap_boot.S) in a
 * page below 1 MiB, then, on each CPU, its own GDT and TSS (in its
 * struct cpu, the boot CPU's too), the shared IDT, the kernel's page
 * tables and its GS base.
 */
#include "arch/smp_arch.h"
#include "arch/acpi.h"
#include "arch/ap_boot.h"
#include "arch/gdt.h"
#include "arch/interrupt.h"
#include "arch/syscall_arch.h"
#include "arch/fpu.h"
#include "arch/cpu.h"
#include "arch/pcid.h"
#include "arch/pte.h"
#include "arch/layout.h"
#include "smp.h"
#include "vm.h"
#include "phys.h"
#include "log.h"
#include "timer.h"
#include <string.h>

#define FOUR_GIB (1ull << 32)

static uint64_t start_page;			/* physical; 0 until prepared */
static uint64_t start_space;			/* the start-up code's page tables */

void arch_boot_cpu_init(void)
{
	gdt_init(&cpus[0].arch.tables);
	wrmsr(MSR_GS_BASE, (uint64_t)&cpus[0]);
	pcid_init();
}

const char *arch_cpus_find(const void *rsdp, size_t len)
{
	struct acpi_cpus found;
	const char *why = acpi_find_cpus(rsdp, len, &found);

	if (why)
		return why;
	if (found.skipped)
		klog("cpus: %u enabled processors left out (more than %u, or x2APIC only)",
		     found.skipped, CPU_MAX);
	if (found.count == 1) {
		klog("cpus: 1 in ACPI's MADT");
		return NULL;
	}
	if (found.lapic_phys & (PAGE_SIZE - 1))
		return "local APIC address not page-aligned";
	lapic_map(found.lapic_phys);
	lapic_init_cpu(true);
	uint32_t boot_id = lapic_id();
	unsigned n = 1;
	bool boot_listed = false;
	for (unsigned i = 0; i < found.count; i++) {
		if (found.lapic_id[i] == boot_id) {
			boot_listed = true;
			continue;
		}
		if (n == CPU_MAX)
			break;
		cpus[n] = (struct cpu){ .arch.self = &cpus[n], .index = n, .hw_id = found.lapic_id[i] };
		n++;
	}
	if (!boot_listed)
		return "the MADT does not list the boot CPU";
	cpus[0].hw_id = boot_id;
	cpu_count = n;
	/* The CPUs share the kernel lock from now on: the boot CPU's entries that take it. */
	idt_init();
	syscall_arch_init();
	klog("cpus: %u in ACPI's MADT, local APICs at %#lx, the boot CPU's id %u", n,
	     found.lapic_phys, boot_id);
	klog("cpus: local APIC timer %lu kHz (divided by 16), measured against the TSC",
	     lapic_timer_calibrate() / 1000);
	return NULL;
}

const char *arch_cpus_start_prepare(uint64_t low_page)
{
	size_t size = ap_trampoline_end - ap_trampoline;

	if (low_page >= 0x100000 || (low_page & (PAGE_SIZE - 1)) || size > PAGE_SIZE)
		return "the start-up page is not a page below 1 MiB";
	start_space = vm_create();
	if (!start_space || (start_space & PTE_ADDR) >= FOUR_GIB ||
	    !vm_map(start_space, low_page, low_page, VM_EXEC)) {
		if (start_space)
			vm_destroy(start_space);
		start_space = 0;
		return "no memory below 4 GiB for the start-up page tables";
	}
	memcpy(phys_to_virt(low_page), ap_trampoline, size);
	struct ap_boot_data *d = phys_to_virt(low_page + AP_BOOT_DATA);
	d->gdt_limit = 4 * sizeof(uint64_t) - 1;
	d->gdt_base = low_page + (uintptr_t)ap_gdt_offset;
	d->prot_entry = low_page + (uintptr_t)ap_prot_offset;
	d->prot_cs = 0x08;
	d->long_entry = low_page + (uintptr_t)ap_long_offset;
	d->long_cs = 0x18;
	d->cr3 = start_space & PTE_ADDR;	/* its PCID, if any, is not for 32-bit code */
	d->cr4 = read_cr4() & ~CR4_PCIDE;	/* set in long mode only (pcid.c) */
	start_page = low_page;
	return NULL;
}

/* Where the start-up code lands: the CPU's own tables, the kernel's page tables, its GS base. */
static _Noreturn void cpu_entry(struct cpu *c)
{
	gdt_init(&c->arch.tables);
	idt_load();
	write_cr3(vm_kernel_space());
	wrmsr(MSR_GS_BASE, (uint64_t)c);
	smp_cpu_main(c);
}

void arch_cpu_start(struct cpu *c)
{
	struct ap_boot_data *d = phys_to_virt(start_page + AP_BOOT_DATA);

	d->stack = c->stack_top;
	d->entry = (uint64_t)cpu_entry;
	d->cpu = (uint64_t)c;
	lapic_start_cpu(c->hw_id, start_page);
}

void arch_cpu_stop(struct cpu *c)
{
	lapic_stop_cpu(c->hw_id);
}

void arch_cpus_start_done(void)
{
	vm_destroy(start_space);
	start_space = 0;
}

void arch_cpu_init(void)
{
	syscall_arch_init();
	fpu_init();
	pcid_init();
	lapic_init_cpu(false);
}

void arch_cpu_timer_start(void)
{
	lapic_timer_start(TIMER_HZ, VEC_LAPIC_TIMER);
}

void arch_cpu_kick(struct cpu *c)
{
	lapic_send(c->hw_id, VEC_KICK);
}

void arch_tlb_flush(void)
{
	write_cr3(read_cr3());
}
