/*
 * The x86-64 side of starting the other CPUs (smp_arch.c), for smp.c
 * and cpu.c: ACPI's list of processors, their local APICs, the start-up
 * code, each CPU's own descriptor tables.
 */
#ifndef ARCH_SMP_ARCH_H
#define ARCH_SMP_ARCH_H

#include <stdint.h>
#include <stddef.h>
#include "percpu.h"
#include "arch/lapic.h"

/* What the log calls a CPU's hw_id. */
#define ARCH_CPU_ID_NAME "lapic id"

/* The boot CPU's own GDT and TSS, in cpus[0], loaded, its GS base, its PCIDs (arch/pcid.h): first thing at boot. */
void arch_boot_cpu_init(void);
/*
 * Find the CPUs in ACPI's MADT (from the RSDP copy rsdp, len bytes, NULL
 * when the loader gave none): cpus[0] becomes the boot CPU, the other
 * enabled processors follow in the table's order, cpu_count counts them.
 * With more than one, the local APICs are mapped and the boot CPU's is
 * enabled (it keeps the 8259's interrupts).  Returns NULL, or why only
 * the boot CPU can be used (cpu_count stays 1).  Logs the count.
 */
const char *arch_cpus_find(const void *rsdp, size_t len);
/*
 * Put the start-up code in the free page low_page (below 1 MiB) and make
 * the page tables it starts on.  NULL, or why no other CPU can start.
 */
const char *arch_cpus_start_prepare(uint64_t low_page);
/* Send c the start sequence; it calls smp_cpu_main(c) on c->stack_top. */
void arch_cpu_start(struct cpu *c);
/* Stop c, which did not answer, before it runs anything (INIT). */
void arch_cpu_stop(struct cpu *c);
/* The start-up code is no longer needed: its page tables go back. */
void arch_cpus_start_done(void);
/* On c itself, holding the kernel lock: SYSCALL, FPU, PCIDs, local APIC (timer masked). */
void arch_cpu_init(void);
/* On another CPU: its timer, periodic at TIMER_HZ (its threads' time slices). */
void arch_cpu_timer_start(void);
/* Interrupt CPU c (VEC_KICK). */
void arch_cpu_kick(struct cpu *c);
/* Forget this CPU's TLB entries for user pages (CR3 reloaded). */
void arch_tlb_flush(void);

#endif
