/*
 * ACPI's processor list (ACPI 6.5, sections 5.2.5 to 5.2.12): the RSDP
 * gives the RSDT (32-bit entries) or, from revision 2, the XSDT (64-bit
 * entries); the table with signature "APIC" is the MADT, whose entries
 * of type 0 are the processors' local APICs.  Tables sit in firmware
 * memory, read through the direct map; every length is checked before
 * a byte past the header is read, and every checksum (the bytes add up
 * to 0) verified.
 */
#include "arch/acpi.h"
#include "phys.h"
#include "vm.h"
#include <string.h>
#include <stdbool.h>

#define RSDP_V1_BYTES 20
#define RSDP_V2_BYTES 36
#define HEADER_BYTES 36		/* signature, length, revision, checksum, ids */
#define MADT_FIXED_BYTES 44	/* the header, the local APIC address, flags */

#define MADT_LAPIC 0		/* a processor and its local APIC */
#define MADT_LAPIC_ADDRESS 5	/* a 64-bit address for the local APICs */
#define MADT_X2APIC 9		/* a processor known by its x2APIC id */
#define MADT_ENABLED 1u		/* flags bit 0: the processor can be used */

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

static bool checksum_ok(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += p[i];
	return sum == 0;
}

/* The table at phys with signature sig, whole and summing to 0; NULL otherwise. */
static const uint8_t *table(uint64_t phys, const char *sig)
{
	if (!vm_direct_mapped(phys, HEADER_BYTES))
		return NULL;
	const uint8_t *t = phys_to_virt(phys);
	uint32_t len = get32(t + 4);
	if (memcmp(t, sig, 4) || len < HEADER_BYTES || !vm_direct_mapped(phys, len) ||
	    !checksum_ok(t, len))
		return NULL;
	return t;
}

/* The MADT's physical address among the RSDT's or XSDT's entries (entry bytes each), 0 if none. */
static uint64_t find_madt(const uint8_t *sdt, size_t entry)
{
	uint32_t len = get32(sdt + 4);
	for (size_t off = HEADER_BYTES; off + entry <= len; off += entry) {
		uint64_t phys = entry == 8 ? get64(sdt + off) : get32(sdt + off);
		if (table(phys, "APIC"))
			return phys;
	}
	return 0;
}

static const char *read_madt(const uint8_t *madt, struct acpi_cpus *out)
{
	uint32_t len = get32(madt + 4);

	if (len < MADT_FIXED_BYTES)
		return "MADT too short";
	out->lapic_phys = get32(madt + HEADER_BYTES);
	for (uint32_t off = MADT_FIXED_BYTES; off + 2 <= len;) {
		const uint8_t *e = madt + off;
		if (e[1] < 2 || e[1] > len - off)
			return "MADT entry runs past the table";
		if (e[0] == MADT_LAPIC && e[1] >= 8 && (get32(e + 4) & MADT_ENABLED)) {
			if (out->count < ACPI_CPUS_MAX)
				out->lapic_id[out->count++] = e[3];
			else
				out->skipped++;
		} else if (e[0] == MADT_X2APIC && e[1] >= 16 && (get32(e + 8) & MADT_ENABLED)) {
			out->skipped++;
		} else if (e[0] == MADT_LAPIC_ADDRESS && e[1] >= 12) {
			out->lapic_phys = get64(e + 4);
		}
		off += e[1];
	}
	if (!out->count)
		return "MADT lists no enabled processor";
	return NULL;
}

const char *acpi_find_cpus(const void *rsdp, size_t len, struct acpi_cpus *out)
{
	const uint8_t *r = rsdp;

	memset(out, 0, sizeof(*out));
	if (!r)
		return "the boot loader passed no RSDP";
	if (len < RSDP_V1_BYTES || memcmp(r, "RSD PTR ", 8) || !checksum_ok(r, RSDP_V1_BYTES))
		return "RSDP malformed or its checksum wrong";
	uint64_t madt = 0;
	if (r[15] >= 2 && len >= RSDP_V2_BYTES) {
		if (!checksum_ok(r, RSDP_V2_BYTES))
			return "RSDP's extended checksum wrong";
		const uint8_t *xsdt = table(get64(r + 24), "XSDT");
		if (!xsdt)
			return "XSDT unmapped, malformed or its checksum wrong";
		madt = find_madt(xsdt, 8);
	} else {
		const uint8_t *rsdt = table(get32(r + 16), "RSDT");
		if (!rsdt)
			return "RSDT unmapped, malformed or its checksum wrong";
		madt = find_madt(rsdt, 4);
	}
	if (!madt)
		return "no valid MADT";
	return read_madt(phys_to_virt(madt), out);
}
