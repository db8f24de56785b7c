/*
 * ncpus CPUS: how many CPUs user space sees on a machine of CPUS CPUs,
 * all of which come online: sysconf's counts and the vDSO's mask
 * (rb_cpus_online), against the number booted and the kernel's own mask
 * (a thread's first affinity).  Prints TAP.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <rainbow/syscall.h>

#include "tap.h"

static long cpus;		/* the machine's, from the command line */

static void test_sysconf(void)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN), conf = sysconf(_SC_NPROCESSORS_CONF);

	printf("# sysconf(_SC_NPROCESSORS_ONLN) %ld, _CONF %ld, booted %ld\n", online, conf, cpus);
	check(online == cpus, "sysconf(_SC_NPROCESSORS_ONLN) is the CPUs booted");
	check(conf == cpus, "sysconf(_SC_NPROCESSORS_CONF) is the CPUs booted");
}

static void test_mask(void)
{
	uint32_t mask = rb_cpus_online();

	printf("# rb_cpus_online 0x%x\n", (unsigned)mask);
	check(mask == (uint32_t)((1ull << cpus) - 1), "rb_cpus_online has CPUs 0 to CPUS-1");
	check((long)mask == rb_thread_get_affinity(0),
	      "rb_cpus_online is the kernel's mask (a new thread's affinity)");
	check(rb_cpus_online() == mask, "rb_cpus_online reads the same again");
}

static const struct tap_test tests[] = {
	{ test_sysconf, "sysconf" },
	{ test_mask, "rb_cpus_online" },
};

int main(int argc, char **argv)
{
	cpus = argc == 2 ? atol(argv[1]) : 0;
	if (cpus < 1 || cpus > 32) {
		printf("usage: ncpus CPUS (1 to 32)\n");
		return 2;
	}
	return TAP_RUN(tests);
}
