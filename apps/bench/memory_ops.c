/*
 * Memory: one anonymous page mapped with mmap(), written once (the write
 * is where a first-touch kernel would fault it in), and unmapped; alone,
 * and among 4,096 mapped pages with one-page holes between them.
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
	bench_finish("mem_map_unmap", "mmap or munmap", bench_time(map_touch_unmap), 1);
}

#define BUSY_PAGES 4096

/* The same among BUSY_PAGES pages mapped around one-page holes. */
void bench_mem_map_unmap_busy(void)
{
	size_t len = 2 * BUSY_PAGES * RB_PAGE_SIZE;
	char *busy = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long error = busy == MAP_FAILED;

	for (size_t off = RB_PAGE_SIZE; !error && off < len; off += 2 * RB_PAGE_SIZE)
		error = munmap(busy + off, RB_PAGE_SIZE);
	if (!error)
		error = bench_time(map_touch_unmap);
	bench_finish("mem_map_unmap_busy", "mmap or munmap", error, 1);
	if (busy != MAP_FAILED)
		munmap(busy, len);
}
