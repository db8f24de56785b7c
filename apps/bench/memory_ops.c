/*
 * Memory: one anonymous page mapped with mmap(), written once (the write
 * is where a first-touch kernel would fault it in), and unmapped.
 */
#include <stddef.h>
#include <sys/mman.h>

#include <rainbow/types.h>

#include "bench.h"

static long map_touch_unmap(void)
{
	volatile char *page = mmap(NULL, RB_PAGE_SIZE, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED)
		return -1;
	page[0] = 1;
	return munmap((void *)page, RB_PAGE_SIZE);
}

void bench_mem_map_unmap(void)
{
	long error = bench_time(map_touch_unmap);

	if (error)
		bench_fail("mem_map_unmap", "mmap or munmap", error);
	else
		bench_report("mem_map_unmap", 1);
}
