/*
 * Host tests of the kernel's ELF module checker on loadable segments:
 * file ranges, user-space bounds, alignment, rights, overlap and entry.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "elf_module.h"

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

int main(void)
{
	static const struct CMUnitTest tests[] = {
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
