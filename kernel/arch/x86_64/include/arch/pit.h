#ifndef ARCH_PIT_H
#define ARCH_PIT_H

#include <stdint.h>

#define PIT_IRQ 0

/* Channel 0 periodic at hz, on IRQ 0. */
void pit_start(unsigned hz);
/*
 * The TSC's rate in Hz: the median of three counts of channel 2 over 2 ms
 * each, against the TSC read around each.  A stall of the CPU during a
 * count (a busy host's) is measured, not missed, as counting ticks by
 * their interrupts missed it: QEMU drops the ticks a stopped vCPU did not
 * take, so the TSC read as several times its rate.  Polls: interrupts
 * may be off.  Needs no timer interrupt.
 */
uint64_t pit_tsc_hz(void);

#endif
