/*
 * vm_bigstack: linked with -z stack-size=16777216 (mk/tests.mk), so its
 * PT_GNU_STACK asks for a 16 MiB main stack; it uses 14 MiB of it, more
 * than the 8 MiB default holds (vm.sh).
 */
#include <stdio.h>

#include <rainbow/syscall.h>

#include "tap.h"

#define BIG (14ul << 20)

static void fourteen_mib(void)
{
	volatile char big[BIG];

	for (unsigned long i = 0; i < BIG; i += RB_PAGE_SIZE)
		big[i] = (char)(i >> 12);
	unsigned long bad = 0;
	for (unsigned long i = 0; i < BIG; i += RB_PAGE_SIZE)
		bad += big[i] != (char)(i >> 12);
	check(bad == 0, "a 14 MiB local array on a stack PT_GNU_STACK made 16 MiB");
}

static const struct tap_test tests[] = {
	{ fourteen_mib, "-z stack-size=16777216" },
};

int main(void)
{
	return TAP_RUN(tests);
}
