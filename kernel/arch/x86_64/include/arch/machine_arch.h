/* The inline half of the portable machine interface (machine.h). */
#ifndef ARCH_MACHINE_ARCH_H
#define ARCH_MACHINE_ARCH_H

#include <stdint.h>
#include "arch/cpu.h"
#include "klock.h"
#include "arch/pit.h"

static inline uint64_t machine_cycles(void)
{
	return rdtsc();
}

static inline uint64_t machine_cycle_rate(void)
{
	return pit_tsc_hz();
}

/* The kernel lock, when shared, is given up for the halt (the interrupt's entry takes it). */
static inline void machine_wait_for_interrupt(void)
{
	if (klock_shared())
		klock_give();
	wait_for_interrupt();
	if (klock_shared())
		klock_take();
}

static inline void machine_invalid_instruction(void)
{
	__asm__ volatile("ud2");
}

#endif
