/*
 * The CPU's random number generator, for random.c (entropy.c): RDRAND
 * (CPUID leaf 1, ECX bit 30) and RDSEED (leaf 7, EBX bit 18).  QEMU's
 * -cpu max offers both, its default CPU neither.  One RDRAND is one
 * instruction but hundreds to thousands of cycles on real hardware
 * (docs/kernel.md).
 */
#ifndef ARCH_ENTROPY_H
#define ARCH_ENTROPY_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Look for the generator; called once at boot.  Returns the name of what
 * the CPU offers, for the log ("RDSEED and RDRAND", "RDRAND"), or NULL
 * when it offers nothing.
 */
const char *arch_entropy_init(void);

/* One 64-bit random word from the generator (RDRAND), retried a few times; false when absent or exhausted. */
bool arch_random_word(uint64_t *v);

/* One 64-bit seed word (RDSEED, else RDRAND), retried a few times; false when absent or exhausted. */
bool arch_seed_word(uint64_t *v);

#endif
