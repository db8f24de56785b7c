/* Host tests of kernel/memmap.c: merging, removing, page alignment. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "memmap.h"

static void assert_region(const struct memmap *m, unsigned i, uint64_t base, uint64_t end)
{
	assert_true(i < m->count);
	assert_int_equal(m->r[i].base, base);
	assert_int_equal(m->r[i].base + m->r[i].len, end);
}

static void add_keeps_order_and_merges(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	assert_true(memmap_add(&m, 0x5000, 0x1000));
	assert_true(memmap_add(&m, 0x1000, 0x1000));
	assert_true(memmap_add(&m, 0x2000, 0x1000));	/* touches the first */
	assert_true(memmap_add(&m, 0x4800, 0x1000));	/* overlaps the last */
	assert_int_equal(m.count, 2);
	assert_region(&m, 0, 0x1000, 0x3000);
	assert_region(&m, 1, 0x4800, 0x6000);
	assert_int_equal(memmap_total(&m), 0x2000 + 0x1800);
	assert_int_equal(memmap_end(&m), 0x6000);
}

static void add_bridges_several(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, 0x1000, 0x1000);
	memmap_add(&m, 0x3000, 0x1000);
	memmap_add(&m, 0x5000, 0x1000);
	memmap_add(&m, 0x1800, 0x4000);
	assert_int_equal(m.count, 1);
	assert_region(&m, 0, 0x1000, 0x6000);
}

static void remove_splits_and_trims(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, 0x0, 0x10000);
	assert_true(memmap_remove(&m, 0x4000, 0x2000));	/* hole in the middle */
	assert_int_equal(m.count, 2);
	assert_region(&m, 0, 0x0, 0x4000);
	assert_region(&m, 1, 0x6000, 0x10000);
	assert_true(memmap_remove(&m, 0x0, 0x1000));	/* trim the front */
	assert_true(memmap_remove(&m, 0xf000, 0x5000));	/* trim past the end */
	assert_region(&m, 0, 0x1000, 0x4000);
	assert_region(&m, 1, 0x6000, 0xf000);
	assert_true(memmap_remove(&m, 0x0, 0x5000));	/* swallow a whole region */
	assert_int_equal(m.count, 1);
	assert_region(&m, 0, 0x6000, 0xf000);
}

static void remove_across_regions(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, 0x1000, 0x2000);
	memmap_add(&m, 0x5000, 0x2000);
	memmap_add(&m, 0x9000, 0x2000);
	memmap_remove(&m, 0x2000, 0x8000);
	assert_int_equal(m.count, 2);
	assert_region(&m, 0, 0x1000, 0x2000);
	assert_region(&m, 1, 0xa000, 0xb000);
}

static void page_align_shrinks_inward(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, 0x1234, 0x3000);		/* 0x1234-0x4234 -> 0x2000-0x4000 */
	memmap_add(&m, 0x8100, 0x800);		/* smaller than a page: dropped */
	memmap_page_align(&m, 0x1000);
	assert_int_equal(m.count, 1);
	assert_region(&m, 0, 0x2000, 0x4000);
}

static void full_map_refuses(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	for (unsigned i = 0; i < MEMMAP_MAX; i++)
		assert_true(memmap_add(&m, i * 0x10000, 0x1000));
	assert_false(memmap_add(&m, 0x10000000, 0x1000));
	assert_false(memmap_remove(&m, 0x100, 0x100));	/* a split needs a slot */
}

static void ranges_that_wrap_are_clamped(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, UINT64_MAX - 0xfff, 0x5000);
	assert_int_equal(m.count, 1);
	assert_int_equal(memmap_end(&m), UINT64_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_keeps_order_and_merges),
		cmocka_unit_test(add_bridges_several),
		cmocka_unit_test(remove_splits_and_trims),
		cmocka_unit_test(remove_across_regions),
		cmocka_unit_test(page_align_shrinks_inward),
		cmocka_unit_test(full_map_refuses),
		cmocka_unit_test(ranges_that_wrap_are_clamped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
