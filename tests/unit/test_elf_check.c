/*
 * Host tests of the kernel's ELF module checker.
 *
 * Each test builds a small valid module in memory, spoils one field and
 * expects the matching reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "elf_check.h"

#define USER_LO      0x1000ull
#define USER_HI      0x800000000000ull
#define KERNEL_BASE  0xffffffff80000000ull
#define PIE_BIAS     0x555555554000ull
#define EXEC_BASE    0x400000ull
#define EXEC_ENTRY   0x400100ull
#define IMAGE_SIZE   0x4000
#define MAX_PHDRS    24

/* Headers first, then the segments' bytes; the union keeps them aligned. */
static union {
	struct {
		Elf64_Ehdr eh;
		Elf64_Phdr ph[MAX_PHDRS];
	} h;
	unsigned char bytes[IMAGE_SIZE];
} image;
static size_t image_size;
static struct elf_image out;

/* Headers + text, read-only data, data + bss: what a static app has. */
static const Elf64_Phdr good_loads[] = {
	{ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0x0000,
	  .p_vaddr = 0x400000, .p_filesz = 0x1800, .p_memsz = 0x1800,
	  .p_align = 0x1000 },
	{ .p_type = PT_LOAD, .p_flags = PF_R, .p_offset = 0x2000,
	  .p_vaddr = 0x402000, .p_filesz = 0x0800, .p_memsz = 0x0800,
	  .p_align = 0x1000 },
	{ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = 0x3000,
	  .p_vaddr = 0x403000, .p_filesz = 0x0100, .p_memsz = 0x2000,
	  .p_align = 0x1000 },
};

static Elf64_Ehdr *eh(void)
{
	return &image.h.eh;
}

static Elf64_Phdr *ph(unsigned index)
{
	return &image.h.ph[index];
}

static Elf64_Phdr *add_phdr(uint32_t type)
{
	Elf64_Phdr *p = ph(eh()->e_phnum++);

	memset(p, 0, sizeof *p);
	p->p_type = type;
	return p;
}

static void make_exec(unsigned nloads)
{
	static const unsigned char ident[EI_NIDENT] = {
		ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3,
		ELFCLASS64, ELFDATA2LSB, EV_CURRENT,
	};
	unsigned i;

	memset(&image, 0, sizeof image);
	image_size = IMAGE_SIZE;
	memcpy(eh()->e_ident, ident, sizeof ident);
	eh()->e_type = ET_EXEC;
	eh()->e_machine = EM_X86_64;
	eh()->e_version = EV_CURRENT;
	eh()->e_entry = EXEC_ENTRY;
	eh()->e_phoff = offsetof(typeof(image.h), ph);
	eh()->e_ehsize = sizeof(Elf64_Ehdr);
	eh()->e_phentsize = sizeof(Elf64_Phdr);
	for (i = 0; i < nloads; i++)
		*add_phdr(PT_LOAD) = good_loads[i];
}

/* The same layout linked at 0, as a static PIE is. */
static void make_dyn(unsigned nloads)
{
	unsigned i;

	make_exec(nloads);
	eh()->e_type = ET_DYN;
	eh()->e_entry -= EXEC_BASE;
	for (i = 0; i < nloads; i++)
		ph(i)->p_vaddr -= EXEC_BASE;
}

static const char *check(uint64_t bias)
{
	return elf_check(image.bytes, image_size, bias, USER_LO, USER_HI, &out);
}

static void expect_accepted(uint64_t bias)
{
	const char *why = check(bias);

	if (why)
		fail_msg("refused: %s", why);
}

static void expect_refused(uint64_t bias, const char *reason)
{
	const char *why = check(bias);

	if (!why)
		fail_msg("accepted, expected \"%s\"", reason);
	assert_string_equal(why, reason);
}

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

static void refuses_filesz_above_memsz(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_filesz = ph(1)->p_memsz + 1;
	expect_refused(0, "segment 1 filesz larger than memsz");
	ph(1)->p_memsz = 0;
	expect_refused(0, "segment 1 filesz larger than memsz");
}

static void refuses_file_bytes_beyond_module(void **state)
{
	(void)state;
	make_exec(3);
	ph(2)->p_filesz = IMAGE_SIZE - 0x3000 + 1;
	expect_refused(0, "segment 2 file bytes beyond end of module");
	make_exec(3);
	image_size = 0x2000;
	expect_refused(0, "segment 1 file bytes beyond end of module");
}

static void refuses_wrapping_file_range(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_offset = UINT64_MAX - 10;
	expect_refused(0, "segment 1 file bytes beyond end of module");
	make_exec(3);
	ph(1)->p_filesz = UINT64_MAX - 0x1000;
	ph(1)->p_memsz = UINT64_MAX;
	expect_refused(0, "segment 1 file bytes beyond end of module");
}

static void refuses_kernel_addresses(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_vaddr = KERNEL_BASE + 0x2000;
	expect_refused(0, "segment 1 outside user space");
	make_exec(3);
	ph(2)->p_vaddr = USER_HI - 0x1000;
	expect_refused(0, "segment 2 outside user space");
}

static void refuses_page_zero(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_vaddr = 0x0;
	expect_refused(0, "segment 1 outside user space");
	ph(1)->p_vaddr = 0x800;
	ph(1)->p_offset = 0x800;
	expect_refused(0, "segment 1 outside user space");
}

static void refuses_segment_ending_past_user_space(void **state)
{
	(void)state;
	make_exec(3);
	ph(2)->p_vaddr = USER_HI - 0x2000;
	expect_accepted(0);
	ph(2)->p_vaddr = USER_HI - 0x1000;
	expect_refused(0, "segment 2 outside user space");
	ph(2)->p_vaddr = USER_HI - 0x2000 + 0x10;
	ph(2)->p_offset = 0x3010;
	expect_refused(0, "segment 2 outside user space");
}

/* Part of a page outside user space is outside all the same. */
static void rounds_segments_to_pages(void **state)
{
	(void)state;
	make_exec(3);
	ph(0)->p_vaddr = 0x400100;
	ph(0)->p_offset = 0x100;
	ph(0)->p_filesz = 0x1700;
	ph(0)->p_memsz = 0x1700;
	ph(2)->p_memsz = 0x1f00;
	expect_accepted(0);
	assert_int_equal(out.lowest, 0x400000);
	assert_int_equal(out.highest, 0x405000);
	assert_string_equal(elf_check(image.bytes, image_size, 0, 0x400080,
				      USER_HI, &out),
			    "segment 0 outside user space");
	assert_string_equal(elf_check(image.bytes, image_size, 0, USER_LO,
				      0x404f80, &out),
			    "segment 2 outside user space");
}

static void refuses_wrapping_addresses(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_vaddr = UINT64_MAX - 10;
	expect_refused(0, "segment 1 outside user space");
	make_exec(3);
	ph(1)->p_memsz = UINT64_MAX - 0x1000;
	expect_refused(0, "segment 1 outside user space");
}

static void refuses_bias_pushing_out_of_user_space(void **state)
{
	(void)state;
	make_dyn(3);
	expect_refused(USER_HI - 0x1000, "segment 0 outside user space");
	ph(0)->p_vaddr = UINT64_MAX - 0xfff;
	expect_refused(0x2000, "segment 0 outside user space");
	make_dyn(3);
	expect_refused(0, "segment 0 outside user space");
}

static void refuses_bad_alignment(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_align = 3;
	expect_refused(0, "segment 1 p_align not a power of two");
	ph(1)->p_align = 0;
	expect_accepted(0);
	ph(1)->p_align = 0x200000;
	expect_accepted(0);
	ph(1)->p_offset += 0x10;
	expect_refused(0, "segment 1 misaligned (p_offset and p_vaddr "
		       "disagree modulo page size)");
}

static void refuses_writable_code(void **state)
{
	(void)state;
	make_exec(3);
	ph(0)->p_flags |= PF_W;
	expect_refused(0, "segment 0 both writable and executable");
	make_exec(3);
	ph(2)->p_flags = PF_W | PF_X;
	expect_refused(0, "segment 2 both writable and executable");
}

static void refuses_too_many_segments(void **state)
{
	unsigned i;
	Elf64_Phdr *p;

	(void)state;
	make_exec(1);
	for (i = 1; i < ELF_MAX_SEGMENTS; i++) {
		p = add_phdr(PT_LOAD);
		p->p_flags = PF_R;
		p->p_vaddr = 0x500000 + i * 0x1000;
		p->p_memsz = 0x10;
	}
	expect_accepted(0);
	assert_int_equal(out.nsegments, ELF_MAX_SEGMENTS);
	*add_phdr(PT_LOAD) = *p;
	ph(eh()->e_phnum - 1)->p_vaddr += 0x1000;
	expect_refused(0, "too many segments");
}

static void refuses_module_without_loads(void **state)
{
	(void)state;
	make_exec(0);
	expect_refused(0, "no loadable segment");
	make_exec(1);
	ph(0)->p_memsz = 0;
	ph(0)->p_filesz = 0;
	expect_refused(0, "no loadable segment");
}

static void refuses_overlapping_segments(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_vaddr = 0x401000;
	expect_refused(0, "segment 1 overlaps segment 0");
	make_exec(3);
	ph(2)->p_vaddr = 0x402000;
	expect_refused(0, "segment 2 overlaps segment 1");
}

static void refuses_segments_sharing_a_page(void **state)
{
	(void)state;
	make_exec(3);
	ph(1)->p_vaddr = 0x401800 + 0x1000;
	ph(1)->p_offset = 0x2800;
	ph(1)->p_filesz = 0x100;
	ph(1)->p_memsz = 0x100;
	expect_accepted(0);
	ph(1)->p_vaddr = 0x401800;
	ph(1)->p_offset = 0x1800;
	expect_refused(0, "segment 1 overlaps segment 0");
}

static void refuses_overlap_listed_out_of_order(void **state)
{
	(void)state;
	make_exec(3);
	ph(0)->p_vaddr = 0x404000;
	ph(0)->p_offset = 0x0000;
	ph(0)->p_memsz = 0x1000;
	ph(0)->p_filesz = 0x1000;
	eh()->e_entry = 0x404000;
	expect_refused(0, "segment 2 overlaps segment 0");
}

static void refuses_entry_outside_code(void **state)
{
	(void)state;
	make_exec(3);
	eh()->e_entry = 0x402000;
	expect_refused(0, "entry point outside any executable segment");
	eh()->e_entry = 0x401800;
	expect_refused(0, "entry point outside any executable segment");
	eh()->e_entry = 0;
	expect_refused(0, "entry point outside any executable segment");
	eh()->e_entry = 0x4017ff;
	expect_accepted(0);
}

static void refuses_wrapping_entry(void **state)
{
	(void)state;
	make_dyn(3);
	eh()->e_entry = 0x100 - PIE_BIAS;
	expect_refused(PIE_BIAS, "entry point outside any executable segment");
}

#define DYNAMIC_OFFSET 0x3000

/* A PT_DYNAMIC over the data segment's file bytes holding entries. */
static void add_dynamic(const Elf64_Dyn *entries, unsigned count)
{
	Elf64_Phdr *p = add_phdr(PT_DYNAMIC);

	p->p_flags = PF_R | PF_W;
	p->p_offset = DYNAMIC_OFFSET;
	p->p_filesz = count * sizeof *entries;
	p->p_memsz = p->p_filesz;
	memcpy(&image.bytes[DYNAMIC_OFFSET], entries, p->p_filesz);
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

static void refuses_relocations(void **state)
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
		expect_refused(PIE_BIAS, "needs run-time relocation");
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
		cmocka_unit_test(refuses_filesz_above_memsz),
		cmocka_unit_test(refuses_file_bytes_beyond_module),
		cmocka_unit_test(refuses_wrapping_file_range),
		cmocka_unit_test(refuses_kernel_addresses),
		cmocka_unit_test(refuses_page_zero),
		cmocka_unit_test(refuses_segment_ending_past_user_space),
		cmocka_unit_test(rounds_segments_to_pages),
		cmocka_unit_test(refuses_wrapping_addresses),
		cmocka_unit_test(refuses_bias_pushing_out_of_user_space),
		cmocka_unit_test(refuses_bad_alignment),
		cmocka_unit_test(refuses_writable_code),
		cmocka_unit_test(refuses_too_many_segments),
		cmocka_unit_test(refuses_module_without_loads),
		cmocka_unit_test(refuses_overlapping_segments),
		cmocka_unit_test(refuses_segments_sharing_a_page),
		cmocka_unit_test(refuses_overlap_listed_out_of_order),
		cmocka_unit_test(refuses_entry_outside_code),
		cmocka_unit_test(refuses_wrapping_entry),
		cmocka_unit_test(accepts_dynamic_without_relocations),
		cmocka_unit_test(refuses_relocations),
		cmocka_unit_test(refuses_shared_libraries),
		cmocka_unit_test(refuses_dynamic_outside_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
