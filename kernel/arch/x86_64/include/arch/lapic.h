/*
 * The local APIC (xAPIC, memory-mapped): each CPU's interrupt controller,
 * its timer, and how CPUs interrupt each other (IPIs).  lapic.c.
 */
#ifndef ARCH_LAPIC_H
#define ARCH_LAPIC_H

#include <stdint.h>
#include <stdbool.h>

/* Vector of the local APIC's spurious interrupt (low four bits set, as older APICs ask). */
#define VEC_LAPIC_SPURIOUS 0xff

/*
 * Map the registers at phys (uncached, at DEVICE_MAP_BASE) for every CPU.
 * Once, on the boot CPU, before any other lapic_* call.
 */
void lapic_map(uint64_t phys);
/* Whether lapic_map ran: without it, lapic_id and the rest must not be called. */
bool lapic_mapped(void);
/*
 * Enable this CPU's local APIC: spurious vector, errors masked, its timer
 * masked.  keep_pic: the boot CPU, which keeps taking the 8259's
 * interrupts through LINT0 (virtual wire); the others mask LINT0.
 */
void lapic_init_cpu(bool keep_pic);
/* This CPU's local APIC id (bits 31:24 of the ID register). */
uint32_t lapic_id(void);
/* End of interrupt for the vector being served. */
void lapic_eoi(void);
/*
 * Start the CPU with local APIC id `id` at the real-mode page
 * page_phys (below 1 MiB, 4 KiB aligned): INIT, 10 ms, then SIPI twice
 * 200 us apart (Intel SDM vol. 3A, 10.4 and 8.4.4.1).  Waits with the
 * TSC, so after the timer's calibration.
 */
void lapic_start_cpu(uint32_t id, uint64_t page_phys);
/* Send the CPU with local APIC id `id` back to waiting for a start-up IPI (INIT). */
void lapic_stop_cpu(uint32_t id);
/*
 * The timer's rate in counts per second (divide by 16): the median of
 * three counts over about 10 ms each, each divided by the TSC's cycles
 * read around it (timer_calibrate measured the TSC against the PIT); on
 * the boot CPU, after that calibration.
 */
uint64_t lapic_timer_calibrate(void);
/* This CPU's timer, periodic at hz on vector; after lapic_timer_calibrate on any CPU. */
void lapic_timer_start(unsigned hz, unsigned vector);
/* Interrupt the CPU with local APIC id `id` on vector (a fixed IPI). */
void lapic_send(uint32_t id, unsigned vector);
/* The spurious interrupt's handler (lapic.c): nothing to do, no EOI, iretq. */
extern char lapic_spurious_entry[];

#endif
