#ifndef ARCH_PIT_H
#define ARCH_PIT_H

#include <stdint.h>

#define PIT_IRQ 0

/* Channel 0 periodic at hz, on IRQ 0. */
void pit_start(unsigned hz);
/*
 * The TSC's rate in Hz: the median of three measurements of 2 ms of
 * channel 2's count, each end read with the TSC around it.  A stall of
 * the CPU (a busy host's) between the ends is measured by both clocks, so
 * it does not skew the rate, as it did when ticks were counted by their
 * interrupts (QEMU drops the ticks a stopped vCPU did not take, and the
 * TSC read as several times its rate); nor as waiting for the count's end
 * did (the end was seen only after the stall).  Polls, about 6 ms: needs
 * no timer interrupt.  0 if every try was spoilt.
 */
uint64_t pit_tsc_hz(void);

#endif
