/*
 * Bringing up the other CPUs (smp.c; docs/kernel.md, CPUs).  They run no
 * threads yet: each comes online, logs it, and halts with the kernel lock
 * given back.
 */
#ifndef SMP_H
#define SMP_H

#include <stdint.h>
#include "percpu.h"
#include "multiboot2.h"

/*
 * On the boot CPU, holding the kernel lock, after the timer's calibration:
 * find the CPUs (ACPI, from the boot information's RSDP) and start each
 * other one, using the free page low_page below 1 MiB for its start-up
 * code (0: none, only the boot CPU runs).  A CPU that does not answer
 * within a second is logged and left out; so are all of them, with one log
 * line, when the tables are absent or bad, or the command line has the
 * word acpi=off.
 */
void smp_init(const struct boot_info *boot, uint64_t low_page);

/* Where another CPU starts in portable code (from the arch's start-up path); never returns. */
_Noreturn void smp_cpu_main(struct cpu *c);

#endif
