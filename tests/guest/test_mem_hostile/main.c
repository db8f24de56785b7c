/*
 * Hostile memory calls (issue 10, items 1 to 3), each with its siblings:
 * huge unmaps of ranges never mapped or sparsely mapped, a big map after
 * scattered small ones or after thread stacks left holes, map and unmap
 * churn at fresh hints of every table level, and page tables charged to
 * the task.  Every call must return within 100 ms, the errors must name
 * the cause (EAGAIN for the task's limit), and page tables must go back.
 * A bystander task (mem_bystander) runs beside this one.  Prints TAP.
 *
 * No heap: the huge unmaps remove every anonymous page, so the program
 * keeps its state in its image and stack, its TLS block included
 * (stack_tls.h; the thread stacks are mapped after them).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "stack_tls.h"
#include "tap.h"

#define ANON_BASE 0x100000000000ul
#define ANON_TOP  0x700000000000ul
#define PAGE      RB_PAGE_SIZE
#define MIB       (1ul << 20)
#define GIB       (1ul << 30)
#define QUICK_NS  100000000ull		/* no call may take 100 ms */
#define LIMIT     (64 * MIB)		/* the task's memory limit (docs/limits.md) */
#define RW        (RB_PROT_READ | RB_PROT_WRITE)

static uint64_t slowest_ns;		/* the slowest timed call of the current test */
static uint64_t slowest_addr, slowest_len;	/* and its arguments */

/* Keeps the slowest call's time and arguments, given its start. */
static long note_time(uint64_t start, uint64_t addr, size_t len, long r)
{
	uint64_t ns = rb_clock_monotonic_ns() - start;

	if (ns > slowest_ns) {
		slowest_ns = ns;
		slowest_addr = addr;
		slowest_len = len;
	}
	return r;
}

static long timed_map(uint64_t hint, size_t len)
{
	uint64_t start = rb_clock_monotonic_ns();

	return note_time(start, hint, len, rb_mem_map((void *)hint, len, RW));
}

static long timed_unmap(uint64_t addr, size_t len)
{
	uint64_t start = rb_clock_monotonic_ns();

	return note_time(start, addr, len, rb_mem_unmap((void *)addr, len));
}

/* Starts a test's timing. */
static void timing(void)
{
	slowest_ns = 0;
}

static int quick(void)
{
	printf("# slowest call %lu us (%#lx, %#lx)\n", (unsigned long)(slowest_ns / 1000),
	       (unsigned long)slowest_addr, (unsigned long)slowest_len);
	return slowest_ns < QUICK_NS;
}

/* Write the first and last page of a mapping; true if both read back. */
static int touch(long p, size_t len)
{
	volatile char *first = (char *)p, *last = (char *)p + len - 1;

	*first = 1;
	*last = 2;
	return *first == 1 && *last == 2;
}

static const struct { uint64_t addr, len; } huge[] = {
	{ ANON_BASE, ANON_TOP - ANON_BASE },		/* the first input */
	{ 0x200000000000ul, 64 * GIB },			/* the second */
	{ ANON_BASE + PAGE, ANON_TOP - ANON_BASE - PAGE },
	{ 0x300000000000ul, 1ul << 40 },
	{ 0x123456789000ul, 0x500000000000ul },
	{ ANON_TOP - 512 * GIB, 512 * GIB },
	{ ANON_BASE, 2 * MIB + PAGE },
};

static void huge_unmaps_of_nothing(void)
{
	unsigned ok = 0;

	timing();
	for (unsigned i = 0; i < sizeof(huge) / sizeof(huge[0]); i++)
		ok += timed_unmap(huge[i].addr, huge[i].len) == 0;
	check(ok == sizeof(huge) / sizeof(huge[0]), "huge unmaps of unmapped ranges return 0");
	check(quick(), "huge unmaps of unmapped ranges: each within 100 ms");
}

/* Pages at the edges of every table level; a huge unmap takes them all. */
static const uint64_t sparse[] = {
	ANON_BASE, 0x200000000000ul, 0x200000000000ul + GIB, 0x200000000000ul + 2 * MIB - PAGE,
	0x3fffffffe000ul, 0x400000000000ul + 512 * GIB, ANON_TOP - PAGE,
};
#define NSPARSE (sizeof(sparse) / sizeof(sparse[0]))

static void huge_unmap_of_sparse_pages(void)
{
	unsigned placed = 0, again = 0;

	timing();
	for (unsigned i = 0; i < NSPARSE; i++)
		placed += timed_map(sparse[i], PAGE) == (long)sparse[i] && touch(sparse[i], PAGE);
	check(placed == NSPARSE, "pages mapped at their hints across the anonymous range");
	check(timed_unmap(ANON_BASE, ANON_TOP - ANON_BASE) == 0, "one unmap of the whole range");
	/* Gone: each hint is free again, and its page comes back zeroed. */
	for (unsigned i = 0; i < NSPARSE; i++) {
		long p = timed_map(sparse[i], PAGE);
		again += p == (long)sparse[i] && *(volatile char *)p == 0;
		timed_unmap(sparse[i], PAGE);
	}
	check(again == NSPARSE, "the huge unmap removed every page: each hint is free and zeroed");
	check(quick(), "sparse pages and huge unmaps: each call within 100 ms");
}

static void unmaps_past_the_range_are_refused(void)
{
	timing();
	check(timed_unmap(ANON_BASE, ANON_TOP - ANON_BASE + 1) == -EINVAL,
	      "unmap one byte past the anonymous range is EINVAL");
	check(timed_unmap(ANON_TOP - PAGE, 2 * PAGE) == -EINVAL, "unmap across its top is EINVAL");
	check(timed_unmap(ANON_BASE, ~0ul - ANON_BASE) == -EINVAL, "unmap of a wrapping length is EINVAL");
	/* Lengths that rounding up to a page would wrap to 0, or to a page. */
	check(timed_unmap(ANON_BASE, ~0ul) == -EINVAL, "unmap of length 2^64 - 1 is EINVAL");
	check(timed_unmap(ANON_BASE, ~0ul - PAGE + 2) == -EINVAL, "unmap of length 2^64 - 4094 is EINVAL");
	check(rb_mem_protect((void *)ANON_BASE, ~0ul, RB_PROT_READ) == -ENOMEM,
	      "mem_protect of length 2^64 - 1: ENOMEM, the range is not mapped");
	check(quick(), "refused unmaps: each within 100 ms");
}

/*
 * count one-page obstacles spread apart from where a hintless map
 * starts looking, then one map of len: it must land past them or in a
 * gap, fast.  The first obstacle is unmapped, so the search starts there.
 */
static void big_map_after_obstacles(unsigned count, uint64_t spread, size_t len, const char *what)
{
	static long at[64];
	long first = timed_map(0, PAGE), big;
	unsigned placed = 0;

	for (unsigned i = 1; i < count; i++)
		placed += (at[i] = timed_map(first + i * spread, PAGE)) == (long)(first + i * spread);
	timed_unmap(first, PAGE);
	big = timed_map(0, len);
	check(first > 0 && placed == count - 1 && big > 0 && touch(big, len), what);
	for (unsigned i = 1; i < count; i++)
		if (at[i] > 0 && at[i] >= big && at[i] < big + (long)len)
			check(0, "the big map overlaps an obstacle");
	timed_unmap(big, len);
	for (unsigned i = 1; i < count; i++)
		timed_unmap(at[i], PAGE);
}

static void big_map_after_scattered_pages(void)
{
	timing();
	big_map_after_obstacles(16, 4096 * PAGE, 16 * MIB, "16 pages 4096 pages apart, then 16 MiB");
	big_map_after_obstacles(16, 4096 * PAGE, 32 * MIB, "16 pages 4096 pages apart, then 32 MiB");
	big_map_after_obstacles(16, 4096 * PAGE, 8 * MIB + PAGE, "16 pages 4096 pages apart, then 8 MiB + 1 page");
	big_map_after_obstacles(64, 256 * PAGE, 2 * MIB, "64 pages 1 MiB apart, then 2 MiB");
	big_map_after_obstacles(64, 2 * PAGE, 8 * MIB, "64 pages 2 pages apart, then 8 MiB");
	check(quick(), "maps after scattered pages: each within 100 ms");
}

/*
 * The costliest search a task can make: one page at the end of each of
 * 7,000 page tables in a row (nearly its whole limit, tables included),
 * then maps too big for any gap, from before the first.
 */
static void big_maps_past_7000_page_tables(void)
{
	const unsigned count = 7000;
	long first = timed_map(0, PAGE), p;
	unsigned placed = 0, mapped = 0;
	uint64_t base = ((uint64_t)first + 2 * MIB) & ~(2 * MIB - 1);

	timing();
	for (unsigned i = 0; i < count; i++) {
		uint64_t at = base + i * 2 * MIB + 2 * MIB - PAGE;
		placed += timed_map(at, PAGE) == (long)at;
	}
	check(first > 0 && placed == count, "7000 pages, each at the end of its own page table");
	timed_unmap(first, PAGE);
	for (unsigned i = 0; i < 8; i++) {
		p = timed_map(0, 4 * MIB);
		mapped += p >= (long)(base + count * 2 * MIB - PAGE) && touch(p, 4 * MIB);
		timed_unmap(p, 4 * MIB);
	}
	check(mapped == 8, "8 maps of 4 MiB land past them all");
	check(timed_unmap(base, count * 2 * MIB) == 0, "one unmap takes the 7000 pages back");
	check(quick(), "7000 page tables: each call within 100 ms");
}

static int nothing(void *arg)
{
	return (int)(intptr_t)arg;
}

static void big_map_after_thread_stacks(void)
{
	static struct rb_thread *th[16];
	unsigned joined = 0, small = 0;

	timing();
	for (unsigned i = 0; i < 16; i++)
		th[i] = rb_thread_start(nothing, (void *)(intptr_t)i);
	for (unsigned i = 0; i < 16; i++) {
		int status = -1;
		joined += th[i] && rb_thread_wait(th[i], &status) == 0 && status == (int)i;
	}
	check(joined == 16, "16 threads started and waited for: their stacks are holes now");
	long big = timed_map(0, 16 * MIB);
	check(big > 0 && touch(big, 16 * MIB), "16 MiB mapped after the stacks went");
	for (unsigned i = 0; i < 256; i++) {
		long p = timed_map(0, (i % 8 + 1) * PAGE);
		small += p > 0 && timed_unmap(p, (i % 8 + 1) * PAGE) == 0;
	}
	check(small == 256, "256 small maps among the holes");
	timed_unmap(big, 16 * MIB);
	check(quick(), "maps after thread stacks: each within 100 ms");
}

/*
 * 60 MiB in 4 MiB maps (no one call long enough to stall the bystander
 * by its size alone); at[] keeps them for unmap_chunks.  True if all fit.
 */
#define CHUNK   (4 * MIB)
#define NCHUNKS 15
static long chunk_at[NCHUNKS];

static int map_chunks(void)
{
	unsigned ok = 0;

	for (unsigned i = 0; i < NCHUNKS; i++)
		ok += (chunk_at[i] = timed_map(0, CHUNK)) > 0 && touch(chunk_at[i], CHUNK);
	return ok == NCHUNKS;
}

static void unmap_chunks(void)
{
	for (unsigned i = 0; i < NCHUNKS; i++)
		if (chunk_at[i] > 0)
			timed_unmap(chunk_at[i], CHUNK);
}

/* 60 MiB fit the limit only if nothing else is charged to the task. */
static int limit_is_free(void)
{
	int fit = map_chunks();

	unmap_chunks();
	return fit;
}

/* rounds maps of one page at fresh hints step apart (wrapping in the range), each unmapped. */
static void churn(uint64_t step, unsigned rounds, const char *what)
{
	unsigned ok = 0;
	uint64_t span = ((ANON_TOP - 0x400000000000ul) / step) * step;

	for (unsigned i = 0; i < rounds; i++) {
		uint64_t hint = 0x400000000000ul + ((uint64_t)i * step) % span;
		long p = timed_map(hint, PAGE);
		ok += p == (long)hint && touch(p, PAGE) && timed_unmap(p, PAGE) == 0;
	}
	check(ok == rounds, what);
}

static void churn_leaves_no_page_tables(void)
{
	timing();
	churn(2 * MIB, 70000, "70000 rounds of map and unmap at fresh 2 MiB hints");
	check(limit_is_free(), "then 60 MiB still fit the 64 MiB limit");
	churn(GIB, 8192, "8192 rounds at fresh 1 GiB hints");
	churn(512 * GIB, 2048, "2048 rounds at 512 GiB hints");
	churn(2 * MIB + PAGE, 20000, "20000 rounds at unaligned hints 2 MiB + 1 page apart");
	check(limit_is_free(), "then 60 MiB still fit the limit");
	check(quick(), "churn: each call within 100 ms");
}

static void page_tables_are_charged(void)
{
	const uint64_t base = 0x500000000000ul;
	long r = 0;
	unsigned n = 0;

	timing();
	/* Each page at its own GiB needs a page table and a directory too. */
	while (n < 16384 && (r = timed_map(base + n * GIB, PAGE)) == (long)(base + n * GIB))
		n++;
	printf("# %u pages at 1 GiB hints before %ld\n", n, r);
	check(r == -EAGAIN, "pages one GiB apart end with EAGAIN, the task's limit");
	check(n > LIMIT / PAGE / 4 && n < LIMIT / PAGE / 2, "their page tables count: about a third of the limit");
	check(timed_unmap(base, (uint64_t)n * GIB) == 0, "one unmap takes them all back");
	check(limit_is_free(), "then 60 MiB fit the limit again: the tables went back");
	check(quick(), "charged tables: each call within 100 ms");
}

static void limit_errors_name_the_cause(void)
{
	timing();
	check(timed_map(0, 1ul << 40) == -EAGAIN, "1 TiB: EAGAIN");
	check(timed_map(0, LIMIT + PAGE) == -EAGAIN, "64 MiB + 1 page: EAGAIN");
	check(map_chunks(), "60 MiB: mapped");
	check(timed_map(0, 8 * MIB) == -EAGAIN, "8 MiB more: EAGAIN");
	check(timed_map(ANON_TOP - 8 * MIB, 8 * MIB) == -EAGAIN, "8 MiB more at a hint: EAGAIN");
	unmap_chunks();
	long q = timed_map(ANON_TOP - PAGE, 2 * PAGE);
	check(q > 0 && q != (long)(ANON_TOP - PAGE), "a hint across the top of the range is not taken");
	timed_unmap(q, 2 * PAGE);
	check(quick(), "limit errors: each call within 100 ms");
}

static const struct tap_test tests[] = {
	{ huge_unmaps_of_nothing, "huge unmaps of nothing" },
	{ huge_unmap_of_sparse_pages, "a huge unmap of sparse pages" },
	{ unmaps_past_the_range_are_refused, "unmaps past the range" },
	{ big_map_after_scattered_pages, "a big map after scattered pages" },
	{ big_maps_past_7000_page_tables, "big maps past 7000 page tables" },
	{ big_map_after_thread_stacks, "a big map after thread stacks" },
	{ churn_leaves_no_page_tables, "churn leaves no page tables behind" },
	{ page_tables_are_charged, "page tables are charged" },
	{ limit_errors_name_the_cause, "limit errors name the cause" },
};

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return TAP_RUN(tests);
}

int main(int argc, char **argv)
{
	stack_tls_run(run, argc, argv);
}
