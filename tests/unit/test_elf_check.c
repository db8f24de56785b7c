/*
 * Host tests of the kernel's ELF module checker: what it accepts, and how
 * it refuses bad headers, program header tables and dynamic sections.
 * Each test builds a valid module (elf_module.c), spoils one field and
 * expects the matching reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "elf_module.h"

static void accepts_static_executable(void **state)
{
	(void)state;
	make_exec(3);
	expect_accepted(0);
	assert_int_equal(out.type, ET_EXEC);
	assert_int_equal(out.entry, EXEC_ENTRY);
	assert_int_equal(out.phdr_vaddr, EXEC_BASE + sizeof(Elf64_Ehdr));
	assert_int_equal(out.phnum, 3);
	assert_int_equal(out.phentsize, sizeof(Elf64_Phdr));
	assert_int_equal(out.nsegments, 3);
	assert_int_equal(out.segments[2].vaddr, 0x403000);
	assert_int_equal(out.segments[2].memsz, 0x2000);
	assert_int_equal(out.segments[2].offset, 0x3000);
	assert_int_equal(out.segments[2].filesz, 0x100);
	assert_int_equal(out.segments[2].flags, PF_R | PF_W);
	assert_int_equal(out.lowest, EXEC_BASE);
	assert_int_equal(out.highest, 0x405000);
}

static void accepts_static_pie_at_bias(void **state)
{
	(void)state;
	make_dyn(3);
	expect_accepted(PIE_BIAS);
	assert_int_equal(out.type, ET_DYN);
	assert_int_equal(out.entry, PIE_BIAS + 0x100);
	assert_int_equal(out.phdr_vaddr, PIE_BIAS + sizeof(Elf64_Ehdr));
	assert_int_equal(out.segments[1].vaddr, PIE_BIAS + 0x2000);
	assert_int_equal(out.lowest, PIE_BIAS);
	assert_int_equal(out.highest, PIE_BIAS + 0x5000);
}

static void sorts_segments_by_address(void **state)
{
	Elf64_Phdr first;

	(void)state;
	make_exec(3);
	first = *ph(0);
	*ph(0) = *ph(2);
	*ph(2) = first;
	expect_accepted(0);
	assert_int_equal(out.segments[0].vaddr, 0x400000);
	assert_int_equal(out.segments[0].index, 2);
	assert_int_equal(out.segments[1].vaddr, 0x402000);
	assert_int_equal(out.segments[2].vaddr, 0x403000);
	assert_int_equal(out.segments[2].index, 0);
}

static void skips_empty_segments(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_filesz = 0;
	ph(1)->p_memsz = 0;
	ph(1)->p_offset = UINT64_MAX;
	ph(1)->p_vaddr = KERNEL_BASE;
	expect_accepted(0);
	assert_int_equal(out.nsegments, 2);
}

static void ignores_other_headers(void **state)
{
	Elf64_Phdr *note;

	(void)state;
	make_exec(3);
	note = add_phdr(PT_NOTE);
	note->p_offset = UINT64_MAX;
	note->p_filesz = 100;
	add_phdr(PT_TLS)->p_vaddr = KERNEL_BASE;
	expect_accepted(0);
}

static void reports_unmapped_program_headers_as_zero(void **state)
{
	(void)state;
	make_exec(3);
	ph(0)->p_offset = 0x1000;
	ph(0)->p_vaddr = 0x401000;
	ph(0)->p_filesz = 0x800;
	ph(0)->p_memsz = 0x800;
	eh()->e_entry = 0x401000;
	expect_accepted(0);
	assert_int_equal(out.phdr_vaddr, 0);
}

static void accepts_matching_pt_phdr(void **state)
{
	Elf64_Phdr *p;

	(void)state;
	make_dyn(3);
	p = add_phdr(PT_PHDR);
	p->p_vaddr = sizeof(Elf64_Ehdr);
	expect_accepted(PIE_BIAS);
	assert_int_equal(out.phdr_vaddr, PIE_BIAS + sizeof(Elf64_Ehdr));
}

static void refuses_lying_pt_phdr(void **state)
{
	(void)state;
	make_exec(3);
	add_phdr(PT_PHDR)->p_vaddr = 0x402000;
	expect_refused(0, "PT_PHDR does not match the loaded program headers");
}

static void refuses_pt_phdr_when_table_not_loaded(void **state)
{
	(void)state;
	make_exec(3);
	ph(0)->p_offset = 0x1000;
	ph(0)->p_vaddr = 0x401000;
	ph(0)->p_filesz = 0x800;
	ph(0)->p_memsz = 0x800;
	eh()->e_entry = 0x401000;
	add_phdr(PT_PHDR)->p_vaddr = 0x400040;
	expect_refused(0, "PT_PHDR does not match the loaded program headers");
}

static void refuses_truncated_header(void **state)
{
	(void)state;
	make_exec(3);
	image_size = sizeof(Elf64_Ehdr) - 1;
	expect_refused(0, "truncated header");
	image_size = 0;
	expect_refused(0, "truncated header");
}

static void refuses_bad_magic(void **state)
{
	unsigned i;

	(void)state;
	for (i = EI_MAG0; i <= EI_MAG3; i++) {
		make_exec(3);
		eh()->e_ident[i] ^= 0x20;
		expect_refused(0, "bad magic");
	}
}

static void refuses_32_bit_class(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_ident[EI_CLASS] = ELFCLASS32;
	expect_refused(0, "not ELFCLASS64");
}

static void refuses_big_endian(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_ident[EI_DATA] = 2;
	expect_refused(0, "not little-endian");
}

static void refuses_unknown_version(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_ident[EI_VERSION] = 2;
	expect_refused(0, "unknown ELF version");
	make_exec(3);
	eh()->e_version = 0;
	expect_refused(0, "unknown ELF version");
}

static void refuses_other_machine(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_machine = 3;
	expect_refused(0, "not x86-64");
}

static void refuses_non_executable_types(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_type = ET_REL;
	expect_refused(0, "not an executable (ET_REL)");
	eh()->e_type = ET_CORE;
	expect_refused(0, "not an executable (ET_CORE)");
	eh()->e_type = ET_NONE;
	expect_refused(0, "not an executable (ET_NONE)");
	eh()->e_type = 0xfe00;
	expect_refused(0, "not an executable (unknown type)");
}

static void refuses_bias_for_fixed_executable(void **state)
{
	(void)state;
	make_exec(3);
	expect_refused(0x1000, "load bias given for a fixed-address executable");
}

static void refuses_unaligned_bias(void **state)
{
	(void)state;
	make_dyn(3);
	expect_refused(PIE_BIAS + 8, "load bias not page-aligned");
}

static void refuses_bad_header_sizes(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_ehsize = 52;
	expect_refused(0, "bad ELF header size");
	make_exec(3);
	eh()->e_phentsize = 32;
	expect_refused(0, "bad program header entry size");
}

static void refuses_program_headers_outside_file(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_phoff = IMAGE_SIZE;
	expect_refused(0, "program headers outside the file");
	eh()->e_phoff = IMAGE_SIZE - sizeof(Elf64_Phdr) * 3 + 1;
	expect_refused(0, "program headers outside the file");
	eh()->e_phoff = UINT64_MAX - 10;
	expect_refused(0, "program headers outside the file");
	make_exec(3);
	eh()->e_phnum = 0xfffe;
	expect_refused(0, "program headers outside the file");
	eh()->e_phnum = PN_XNUM;
	expect_refused(0, "too many program headers");
}

static void refuses_interpreter(void **state)
{
	(void)state;
	make_exec(3);
	add_phdr(PT_INTERP);
	expect_refused(0, "needs a dynamic loader (PT_INTERP)");
}

static void accepts_dynamic_without_relocations(void **state)
{
	static const Elf64_Dyn entries[] = {
		{ .d_tag = DT_RELASZ, .d_un.d_val = 0 },
		{ .d_tag = DT_NULL },
		{ .d_tag = DT_NEEDED },
	};

	(void)state;
	make_dyn(3);
	add_dynamic(entries, 3);
	expect_accepted(PIE_BIAS);
}

/* A static PIE relocates itself: its relocations are no reason to refuse it. */
static void accepts_self_relocating_pie(void **state)
{
	static const Elf64_Sxword size_tags[] = {
		DT_RELASZ, DT_RELSZ, DT_RELRSZ, DT_PLTRELSZ,
	};
	Elf64_Dyn entries[2] = { { .d_un.d_val = 24 }, { .d_tag = DT_NULL } };
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof size_tags / sizeof size_tags[0]; i++) {
		make_dyn(3);
		entries[0].d_tag = size_tags[i];
		add_dynamic(entries, 2);
		expect_accepted(PIE_BIAS);
	}
}

static void refuses_shared_libraries(void **state)
{
	static const Elf64_Dyn entries[] = {
		{ .d_tag = DT_NEEDED, .d_un.d_val = 1 },
		{ .d_tag = DT_NULL },
	};

	(void)state;
	make_dyn(3);
	add_dynamic(entries, 2);
	expect_refused(PIE_BIAS, "needs shared libraries (DT_NEEDED)");
}

static void refuses_dynamic_outside_file(void **state)
{
	static const Elf64_Dyn entries[] = { { .d_tag = DT_NULL } };

	(void)state;
	make_dyn(3);
	add_dynamic(entries, 1);
	ph(3)->p_offset = UINT64_MAX - 10;
	expect_refused(PIE_BIAS, "dynamic section outside the file");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_static_executable),
		cmocka_unit_test(accepts_static_pie_at_bias),
		cmocka_unit_test(sorts_segments_by_address),
		cmocka_unit_test(skips_empty_segments),
		cmocka_unit_test(ignores_other_headers),
		cmocka_unit_test(reports_unmapped_program_headers_as_zero),
		cmocka_unit_test(accepts_matching_pt_phdr),
		cmocka_unit_test(refuses_lying_pt_phdr),
		cmocka_unit_test(refuses_pt_phdr_when_table_not_loaded),
		cmocka_unit_test(refuses_truncated_header),
		cmocka_unit_test(refuses_bad_magic),
		cmocka_unit_test(refuses_32_bit_class),
		cmocka_unit_test(refuses_big_endian),
		cmocka_unit_test(refuses_unknown_version),
		cmocka_unit_test(refuses_other_machine),
		cmocka_unit_test(refuses_non_executable_types),
		cmocka_unit_test(refuses_bias_for_fixed_executable),
		cmocka_unit_test(refuses_unaligned_bias),
		cmocka_unit_test(refuses_bad_header_sizes),
		cmocka_unit_test(refuses_program_headers_outside_file),
		cmocka_unit_test(refuses_interpreter),
		cmocka_unit_test(accepts_dynamic_without_relocations),
		cmocka_unit_test(accepts_self_relocating_pie),
		cmocka_unit_test(refuses_shared_libraries),
		cmocka_unit_test(refuses_dynamic_outside_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
