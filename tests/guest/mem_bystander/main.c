/*
 * mem_bystander SECONDS: a task that shares the machine with hostile ones
 * and must not notice them.  For SECONDS of the monotonic clock it maps,
 * touches and unmaps one page, and every 64th round 1 MiB, timing each
 * round.  Prints TAP: no call failed, and no round took longer than a
 * stall (100 ms: five time slices of the round robin).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rainbow/syscall.h>

#include "tap.h"

#define STALL_NS   100000000ull
#define BIG_BYTES  (1ul << 20)

static unsigned seconds = 5;
static unsigned long rounds, failures;
static uint64_t longest_ns;

/* Map len bytes, write every page, unmap; false on any error. */
static int map_touch_unmap(size_t len)
{
	long p = rb_mem_map(NULL, len, RB_PROT_READ | RB_PROT_WRITE);

	if (p < 0)
		return 0;
	for (size_t off = 0; off < len; off += RB_PAGE_SIZE)
		((volatile char *)p)[off] = 1;
	return rb_mem_unmap((void *)p, len) == 0;
}

static void keeps_its_pace(void)
{
	uint64_t start = rb_clock_monotonic_ns(), end = start + seconds * 1000000000ull;
	uint64_t last = start, now;

	do {
		if (!map_touch_unmap(rounds % 64 ? RB_PAGE_SIZE : BIG_BYTES))
			failures++;
		rounds++;
		now = rb_clock_monotonic_ns();
		if (now - last > longest_ns)
			longest_ns = now - last;
		last = now;
	} while (now < end);
	printf("# %lu rounds in %u s, longest %lu us\n", rounds, seconds,
	       (unsigned long)(longest_ns / 1000));
	check(failures == 0, "bystander: every map, touch and unmap succeeded");
	check(rounds >= 100ul * seconds, "bystander: at least 100 rounds a second");
	check(longest_ns < STALL_NS, "bystander: no round took 100 ms or more");
}

static const struct tap_test tests[] = {
	{ keeps_its_pace, "the bystander keeps its pace" },
};

int main(int argc, char **argv)
{
	if (argc > 1)
		seconds = (unsigned)atoi(argv[1]);
	return TAP_RUN(tests);
}
