/*
 * RDRAND and RDSEED (Intel SDM vol. 2B; Intel's DRNG guide recommends ten
 * retries of RDRAND before calling it broken).  Either sets CF when the
 * word is valid.
 */
#include "arch/entropy.h"
#include "arch/cpu.h"
#include <stddef.h>

#define CPUID_LEAF_FEATURES  1
#define CPUID_LEAF_FEATURES7 7
#define LEAF1_ECX_RDRAND (1u << 30)
#define LEAF7_EBX_RDSEED (1u << 18)
#define RETRIES 10

static bool has_rdrand, has_rdseed;

const char *arch_entropy_init(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	uint32_t max_leaf = r[0];
	cpuid(CPUID_LEAF_FEATURES, 0, r);
	has_rdrand = r[2] & LEAF1_ECX_RDRAND;
	if (max_leaf >= CPUID_LEAF_FEATURES7) {
		cpuid(CPUID_LEAF_FEATURES7, 0, r);
		has_rdseed = r[1] & LEAF7_EBX_RDSEED;
	}
	if (has_rdseed && has_rdrand)
		return "RDSEED and RDRAND";
	if (has_rdseed)
		return "RDSEED";
	return has_rdrand ? "RDRAND" : NULL;
}

static bool rdrand(uint64_t *v)
{
	bool ok;
	__asm__ volatile("rdrand %0" : "=r"(*v), "=@ccc"(ok));
	return ok;
}

static bool rdseed(uint64_t *v)
{
	bool ok;
	__asm__ volatile("rdseed %0" : "=r"(*v), "=@ccc"(ok));
	return ok;
}

bool arch_random_word(uint64_t *v)
{
	for (unsigned i = 0; has_rdrand && i < RETRIES; i++)
		if (rdrand(v))
			return true;
	return false;
}

bool arch_seed_word(uint64_t *v)
{
	for (unsigned i = 0; has_rdseed && i < RETRIES; i++)
		if (rdseed(v))
			return true;
	return arch_random_word(v);
}
