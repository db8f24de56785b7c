/*
 * ACPI, as far as finding the processors: the RSDP (a copy the boot
 * loader passes), the RSDT or XSDT it points to, and the MADT they list.
 */
#ifndef ARCH_ACPI_H
#define ARCH_ACPI_H

#include <stdint.h>
#include <stddef.h>

#include "percpu.h"

#define ACPI_CPUS_MAX CPU_MAX

/* What the MADT says about the processors. */
struct acpi_cpus {
	uint64_t lapic_phys;		/* the local APICs' registers, physical */
	unsigned count;			/* enabled processors kept, at most ACPI_CPUS_MAX */
	unsigned skipped;		/* enabled ones beyond ACPI_CPUS_MAX, or only known by x2APIC id */
	uint8_t lapic_id[ACPI_CPUS_MAX];	/* their local APIC ids, in the table's order */
};

/*
 * Read the tables from the RSDP copy at rsdp (len bytes, from the boot
 * information) into *out.  Every table's length is checked against what
 * the kernel maps (the direct map) and its checksum verified.  Returns
 * NULL, or why the tables cannot be used (out is then unreliable).
 */
const char *acpi_find_cpus(const void *rsdp, size_t len, struct acpi_cpus *out);

#endif
