/* Host tests of kernel/multiboot2.c with hand-built boot information. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "multiboot2.h"

static uint8_t buf[1024] __attribute__((aligned(8)));
static size_t len;

static void start(void)
{
	memset(buf, 0, sizeof(buf));
	len = 8;
}

static void put32(size_t off, uint32_t v) { memcpy(buf + off, &v, 4); }
static void put64(size_t off, uint64_t v) { memcpy(buf + off, &v, 8); }

static size_t tag(uint32_t type, uint32_t size)
{
	size_t off = len;
	put32(off, type);
	put32(off + 4, size);
	len += (size + 7) & ~7u;
	return off;
}

static void string_tag(uint32_t type, const char *s)
{
	size_t off = tag(type, 8 + strlen(s) + 1);
	strcpy((char *)buf + off + 8, s);
}

static void module_tag(uint32_t start, uint32_t end, const char *s)
{
	size_t off = tag(3, 16 + strlen(s) + 1);
	put32(off + 8, start);
	put32(off + 12, end);
	strcpy((char *)buf + off + 16, s);
}

static void mmap_tag(void)
{
	size_t off = tag(6, 16 + 3 * 24);
	put32(off + 8, 24);
	put32(off + 12, 0);
	put64(off + 16, 0);        put64(off + 24, 0x9fc00);     put32(off + 32, 1);
	put64(off + 40, 0xf0000);  put64(off + 48, 0x10000);     put32(off + 56, 2);
	put64(off + 64, 0x100000); put64(off + 72, 0x7ee0000);   put32(off + 80, 1);
}

/* An ACPI tag (14: RSDP 1.0, 20 bytes; 15: 2.0+, 36) whose copy starts with its signature and size. */
static size_t acpi_tag(uint32_t type, uint32_t bytes)
{
	size_t off = tag(type, 8 + bytes);
	memcpy(buf + off + 8, "RSD PTR ", 8);
	return off;
}

static void finish(void)
{
	tag(0, 8);
	put32(0, len);
}

static void parses_a_full_boot(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	string_tag(1, "selftest=none");
	string_tag(2, "GRUB 2.06");
	mmap_tag();
	module_tag(0x200000, 0x201000, "hello a b");
	module_tag(0x300000, 0x300800, "args");
	finish();
	assert_null(multiboot2_parse(buf, sizeof(buf), &bi));
	assert_string_equal(bi.cmdline, "selftest=none");
	assert_string_equal(bi.loader, "GRUB 2.06");
	assert_int_equal(bi.ram.count, 2);	/* the reserved entry is left out */
	assert_int_equal(bi.ram.r[1].base, 0x100000);
	assert_int_equal(bi.nmodules, 2);
	assert_int_equal(bi.modules[0].start, 0x200000);
	assert_int_equal(bi.modules[0].end, 0x201000);
	assert_string_equal(bi.modules[0].cmdline, "hello a b");
	assert_string_equal(bi.modules[1].cmdline, "args");
}

static void prefers_the_newer_rsdp(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	size_t newer = acpi_tag(15, 36);
	acpi_tag(14, 20);
	finish();
	assert_null(multiboot2_parse(buf, sizeof(buf), &bi));
	assert_ptr_equal(bi.acpi_rsdp, buf + newer + 8);
	assert_int_equal(bi.acpi_rsdp_len, 36);

	start();
	mmap_tag();
	size_t older = acpi_tag(14, 20);
	finish();
	assert_null(multiboot2_parse(buf, sizeof(buf), &bi));
	assert_ptr_equal(bi.acpi_rsdp, buf + older + 8);
	assert_int_equal(bi.acpi_rsdp_len, 20);

	start();
	mmap_tag();
	finish();
	assert_null(multiboot2_parse(buf, sizeof(buf), &bi));
	assert_null(bi.acpi_rsdp);
}

static void refuses_empty_acpi_tag(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	tag(15, 8);
	finish();
	assert_string_equal(multiboot2_parse(buf, sizeof(buf), &bi), "ACPI tag without an RSDP");
}

static void refuses_missing_end_tag(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	put32(0, len);
	assert_string_equal(multiboot2_parse(buf, sizeof(buf), &bi), "no end tag");
}

static void refuses_tag_past_end(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	size_t off = tag(1, 16);
	finish();
	put32(off + 4, 4000);
	assert_string_equal(multiboot2_parse(buf, sizeof(buf), &bi),
			    "tag runs past the end of the boot information");
}

static void refuses_unterminated_module_string(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	size_t off = tag(3, 20);
	memcpy(buf + off + 16, "abcd", 4);
	finish();
	assert_string_equal(multiboot2_parse(buf, sizeof(buf), &bi), "module string not terminated");
}

static void refuses_truncated_buffer(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	finish();
	assert_string_equal(multiboot2_parse(buf, len - 8, &bi), "boot information truncated");
}

static void refuses_boot_without_memory(void **state)
{
	struct boot_info bi;
	(void)state;
	start();
	string_tag(1, "");
	finish();
	assert_string_equal(multiboot2_parse(buf, sizeof(buf), &bi),
			    "no available memory in the memory map");
}

static void counts_modules_beyond_the_limit(void **state)
{
	static uint8_t big[4096] __attribute__((aligned(8)));
	struct boot_info bi;
	(void)state;
	start();
	mmap_tag();
	memcpy(big, buf, len);
	size_t off = len;
	for (unsigned i = 0; i < BOOT_MODULES_MAX + 3; i++, off += 24) {
		uint32_t words[4] = { 3, 18, 0x1000, 0x2000 };
		memcpy(big + off, words, sizeof(words));
		memcpy(big + off + 16, "m", 2);
	}
	uint32_t end[2] = { 0, 8 };
	memcpy(big + off, end, sizeof(end));
	uint32_t total = off + 8;
	memcpy(big, &total, 4);
	assert_null(multiboot2_parse(big, sizeof(big), &bi));
	assert_int_equal(bi.nmodules, BOOT_MODULES_MAX);
	assert_int_equal(bi.skipped_modules, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_a_full_boot),
		cmocka_unit_test(prefers_the_newer_rsdp),
		cmocka_unit_test(refuses_empty_acpi_tag),
		cmocka_unit_test(refuses_missing_end_tag),
		cmocka_unit_test(refuses_tag_past_end),
		cmocka_unit_test(refuses_unterminated_module_string),
		cmocka_unit_test(refuses_truncated_buffer),
		cmocka_unit_test(refuses_boot_without_memory),
		cmocka_unit_test(counts_modules_beyond_the_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
