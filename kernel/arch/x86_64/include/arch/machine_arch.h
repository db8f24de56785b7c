/* The inline half of the portable machine interface (machine.h). */
#ifndef ARCH_MACHINE_ARCH_H
#define ARCH_MACHINE_ARCH_H

#include <stdint.h>
#include "arch/cpu.h"

static inline uint64_t machine_cycles(void)
{
	return rdtsc();
}

static inline void machine_wait_for_interrupt(void)
{
	wait_for_interrupt();
}

static inline void machine_invalid_instruction(void)
{
	__asm__ volatile("ud2");
}

#endif
