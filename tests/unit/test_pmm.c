/* Host tests of kernel/pmm.c over an ordinary buffer posing as RAM. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "pmm.h"
#include "phys.h"

#define RAM_PAGES 64
#define FRAME 4096
uintptr_t direct_map_offset;
static uint8_t ram[RAM_PAGES * FRAME] __attribute__((aligned(FRAME)));

/* "Physical" addresses are offsets into ram[], starting at frame 0. */
static void use_ram(struct memmap *m)
{
	direct_map_offset = (uintptr_t)ram;
	pmm_init(m);
}

static void hands_out_every_frame_once(void **state)
{
	struct memmap m = { 0 };
	uint8_t seen[RAM_PAGES] = { 0 };
	(void)state;
	memmap_add(&m, 0, sizeof(ram));
	use_ram(&m);
	assert_int_equal(pmm_free_pages(), RAM_PAGES - 1);	/* frame 0 means "none" */
	for (unsigned i = 0; i < RAM_PAGES - 1; i++) {
		uint64_t f = pmm_alloc();
		assert_true(f != 0 && f % FRAME == 0 && f < sizeof(ram));
		assert_false(seen[f / FRAME]);
		seen[f / FRAME] = 1;
	}
	assert_int_equal(pmm_alloc(), 0);
	assert_int_equal(pmm_free_pages(), 0);
}

static void freed_frames_come_back(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, 2 * FRAME, 4 * FRAME);
	use_ram(&m);
	uint64_t a = pmm_alloc(), b = pmm_alloc();
	assert_int_equal(pmm_free_pages(), 2);
	pmm_free(a);
	pmm_free(b);
	assert_int_equal(pmm_free_pages(), 4);
	assert_int_equal(pmm_alloc(), b);	/* last freed, first reused */
	assert_int_equal(pmm_alloc(), a);
	assert_true(pmm_alloc() != 0);
	assert_true(pmm_alloc() != 0);
	assert_int_equal(pmm_alloc(), 0);
}

static void only_whole_pages_of_ranges(void **state)
{
	struct memmap m = { 0 };
	(void)state;
	memmap_add(&m, FRAME + 100, 2 * FRAME);		/* only frame 2 is whole */
	memmap_add(&m, 10 * FRAME, FRAME);
	use_ram(&m);
	assert_int_equal(pmm_free_pages(), 2);
	assert_int_equal(pmm_alloc(), 2 * FRAME);
	assert_int_equal(pmm_alloc(), 10 * FRAME);
	assert_int_equal(pmm_alloc(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hands_out_every_frame_once),
		cmocka_unit_test(freed_frames_come_back),
		cmocka_unit_test(only_whole_pages_of_ranges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
