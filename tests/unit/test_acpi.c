/*
 * Host tests of kernel/arch/x86_64/acpi.c: hand-built RSDP, XSDT or RSDT
 * and MADT in a buffer that stands for physical memory (the direct map's
 * offset points at it; vm_direct_mapped says how much of it is mapped).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <cmocka.h>
#include "arch/acpi.h"

uintptr_t direct_map_offset;
static uint8_t mem[4096] __attribute__((aligned(16)));
static uint64_t mapped = sizeof(mem);

bool vm_direct_mapped(uint64_t phys, uint64_t len)
{
	return phys < mapped && len <= mapped - phys;
}

#define RSDP 0
#define SDT 64
#define MADT 512

static void put8(size_t off, uint8_t v) { mem[off] = v; }
static void put32(size_t off, uint32_t v) { memcpy(mem + off, &v, 4); }
static void put64(size_t off, uint64_t v) { memcpy(mem + off, &v, 8); }

/* Make the bytes [off, off + len) add up to 0 through the byte at sum. */
static void fix_sum(size_t off, size_t len, size_t sum)
{
	uint8_t s = 0;
	mem[sum] = 0;
	for (size_t i = 0; i < len; i++)
		s += mem[off + i];
	mem[sum] = (uint8_t)-s;
}

static void header(size_t off, const char *sig, uint32_t len)
{
	memcpy(mem + off, sig, 4);
	put32(off + 4, len);
}

static size_t madt_len;

/* A MADT: the header, the local APIC address, then entries added by the tests. */
static void madt_start(void)
{
	madt_len = 44;
	put32(MADT + 36, 0xfee00000);
}

static void madt_entry(const uint8_t *e, uint8_t len)
{
	memcpy(mem + MADT + madt_len, e, len);
	madt_len += len;
}

static void lapic_entry(uint8_t id, uint32_t flags)
{
	uint8_t e[8] = { 0, 8, id, id };
	memcpy(e + 4, &flags, 4);
	madt_entry(e, 8);
}

static void madt_finish(void)
{
	header(MADT, "APIC", madt_len);
	fix_sum(MADT, madt_len, MADT + 9);
}

/* RSDP revision 2 with an XSDT, or revision 0 with an RSDT; both list a FACP-like table, then the MADT. */
static void tables(bool xsdt)
{
	size_t entry = xsdt ? 8 : 4;
	memcpy(mem + RSDP, "RSD PTR ", 8);
	put8(RSDP + 15, xsdt ? 2 : 0);
	put32(RSDP + 16, SDT);
	put32(RSDP + 20, 36);
	put64(RSDP + 24, SDT);
	fix_sum(RSDP, 20, RSDP + 8);
	fix_sum(RSDP, 36, RSDP + 32);
	header(SDT, xsdt ? "XSDT" : "RSDT", 36 + 2 * entry);
	header(256, "FACP", 36);
	fix_sum(256, 36, 256 + 9);
	if (xsdt) {
		put64(SDT + 36, 256);
		put64(SDT + 44, MADT);
	} else {
		put32(SDT + 36, 256);
		put32(SDT + 40, MADT);
	}
	fix_sum(SDT, 36 + 2 * entry, SDT + 9);
}

static int setup(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	mapped = sizeof(mem);
	direct_map_offset = (uintptr_t)mem;
	madt_start();
	return 0;
}

static void finds_enabled_processors_through_the_xsdt(void **state)
{
	struct acpi_cpus c;
	const uint8_t x2apic[16] = { 9, 16, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0 };
	(void)state;
	lapic_entry(0, 1);
	lapic_entry(1, 1);
	lapic_entry(2, 0);	/* disabled */
	madt_entry(x2apic, 16);
	lapic_entry(5, 1);
	madt_finish();
	tables(true);
	assert_null(acpi_find_cpus(mem + RSDP, 36, &c));
	assert_int_equal(c.count, 3);
	assert_int_equal(c.lapic_id[0], 0);
	assert_int_equal(c.lapic_id[1], 1);
	assert_int_equal(c.lapic_id[2], 5);
	assert_int_equal(c.skipped, 1);
	assert_int_equal(c.lapic_phys, 0xfee00000);
}

static void reads_the_rsdt_and_the_address_override(void **state)
{
	struct acpi_cpus c;
	uint8_t over[12] = { 5, 12 };
	uint64_t addr = 0x123456789000;
	(void)state;
	memcpy(over + 4, &addr, 8);
	lapic_entry(3, 1);
	madt_entry(over, 12);
	madt_finish();
	tables(false);
	assert_null(acpi_find_cpus(mem + RSDP, 20, &c));
	assert_int_equal(c.count, 1);
	assert_int_equal(c.lapic_id[0], 3);
	assert_int_equal(c.lapic_phys, addr);
}

static void keeps_at_most_cpu_max(void **state)
{
	struct acpi_cpus c;
	(void)state;
	for (unsigned i = 0; i < ACPI_CPUS_MAX + 3; i++)
		lapic_entry(i, 1);
	madt_finish();
	tables(true);
	assert_null(acpi_find_cpus(mem + RSDP, 36, &c));
	assert_int_equal(c.count, ACPI_CPUS_MAX);
	assert_int_equal(c.skipped, 3);
}

static void refuses_bad_checksums(void **state)
{
	struct acpi_cpus c;
	(void)state;
	lapic_entry(0, 1);
	madt_finish();
	tables(true);
	mem[MADT + 40]++;
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "no valid MADT");
	mem[MADT + 40]--;
	mem[SDT + 20]++;
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c),
			    "XSDT unmapped, malformed or its checksum wrong");
	mem[SDT + 20]--;
	mem[RSDP + 30]++;
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "RSDP's extended checksum wrong");
	mem[RSDP + 9]++;
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "RSDP malformed or its checksum wrong");
	assert_string_equal(acpi_find_cpus(NULL, 0, &c), "the boot loader passed no RSDP");
	assert_string_equal(acpi_find_cpus(mem + RSDP, 19, &c), "RSDP malformed or its checksum wrong");
}

static void refuses_entries_past_the_table(void **state)
{
	struct acpi_cpus c;
	const uint8_t zero_length[2] = { 0, 0 };
	const uint8_t too_long[8] = { 0, 60, 1, 1, 1 };
	(void)state;
	lapic_entry(0, 1);
	madt_entry(zero_length, 2);
	madt_finish();
	tables(true);
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "MADT entry runs past the table");
	setup(NULL);
	lapic_entry(0, 1);
	madt_entry(too_long, 8);
	madt_finish();
	tables(true);
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "MADT entry runs past the table");
}

static void refuses_tables_outside_the_direct_map(void **state)
{
	struct acpi_cpus c;
	(void)state;
	lapic_entry(0, 1);
	madt_finish();
	tables(true);
	mapped = MADT + 40;	/* the MADT's header only */
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "no valid MADT");
	mapped = SDT + 10;
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c),
			    "XSDT unmapped, malformed or its checksum wrong");
}

static void refuses_a_madt_without_processors(void **state)
{
	struct acpi_cpus c;
	(void)state;
	lapic_entry(0, 0);
	madt_finish();
	tables(true);
	assert_string_equal(acpi_find_cpus(mem + RSDP, 36, &c), "MADT lists no enabled processor");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(finds_enabled_processors_through_the_xsdt, setup),
		cmocka_unit_test_setup(reads_the_rsdt_and_the_address_override, setup),
		cmocka_unit_test_setup(keeps_at_most_cpu_max, setup),
		cmocka_unit_test_setup(refuses_bad_checksums, setup),
		cmocka_unit_test_setup(refuses_entries_past_the_table, setup),
		cmocka_unit_test_setup(refuses_tables_outside_the_direct_map, setup),
		cmocka_unit_test_setup(refuses_a_madt_without_processors, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
