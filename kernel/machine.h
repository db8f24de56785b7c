#ifndef MACHINE_H
#define MACHINE_H

/*
 * The machine as the portable kernel sees it: a cycle counter, waiting
 * for an interrupt, a deliberately bad instruction, and leaving the
 * emulator.  The arch code provides them: machine_exit in
 * kernel/arch/x86_64/machine.c, the rest as inlines of "arch/machine_arch.h":
 *
 *   uint64_t machine_cycles(void)
 *	The free-running cycle counter (the TSC on x86-64) in its own ticks;
 *	timer_tsc_hz() gives their rate once the timer calibrated it.
 *   uint64_t machine_cycle_rate(void)
 *	That rate in Hz, measured against the machine's reference timer by
 *	polling (x86-64: the PIT's channel 2, arch/pit.h), so a stall of
 *	the CPU meanwhile is measured, not missed; about 6 ms.  0 when
 *	stalls spoilt every try (timer_calibrate then measures again).
 *   void machine_wait_for_interrupt(void)
 *	Let interrupts in, sleep until one has arrived and been handled,
 *	the kernel lock given up meanwhile when it is shared (klock.h),
 *	shut them out again: the only place the kernel runs with them on.
 *   void machine_invalid_instruction(void)
 *	An instruction the CPU refuses (the "ud2" selftest); the fault is
 *	raised inside the caller, so the report names it.
 */
#include <stdbool.h>
#include "arch/machine_arch.h"

/* Power QEMU off; its exit status tells success from failure. */
_Noreturn void machine_exit(bool success);

#endif
