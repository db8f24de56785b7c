/*
 * Memory: one anonymous page mapped with mmap(), written once (the write
 * is where the kernel gives it its frame, on first touch), and unmapped;
 * alone, and among 4,096 mapped pages with one-page holes between them.
 * 64 MiB mapped and unmapped untouched; the first touch of a page alone.
 */
#include <stddef.h>
#include <stdint.h>
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

#define BIG_MAP (64ul << 20)

static long map_unmap_64m(void)
{
	void *p = mmap(NULL, BIG_MAP, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	return munmap(p, BIG_MAP);
}

void bench_mem_map_64m(void)
{
	bench_finish("mem_map_64m", "mmap or munmap", bench_time(map_unmap_64m), 1);
}

/* Pages never touched yet, one per call of touch_next. */
static volatile char *fresh;
static size_t fresh_next;

static long touch_next(void)
{
	fresh[fresh_next++ * RB_PAGE_SIZE] = 1;
	return 0;
}

void bench_mem_first_touch(void)
{
	size_t len = (BENCH_WARMUP + BENCH_SAMPLES) * (size_t)RB_PAGE_SIZE;
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		bench_finish("mem_first_touch", "mmap", -1, 1);
		return;
	}
	fresh = p;
	fresh_next = 0;
	bench_finish("mem_first_touch", "a write", bench_time(touch_next), 1);
	munmap(p, len);
}
