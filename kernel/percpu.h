/*
 * The CPUs: one record per processor the firmware lists, cpus[0] the boot
 * CPU.  smp.c brings the others up; docs/kernel.md, CPUs.
 */
#ifndef PERCPU_H
#define PERCPU_H

#include <stdint.h>
#include <stdbool.h>
#include "arch/percpu_arch.h"
#include "sched_task.h"
#include "space_tag.h"

struct thread;

#define CPU_MAX 16

struct cpu {
	struct cpu_arch arch;	/* first, the arch's per-CPU base register points here: self, tables */
	unsigned index;		/* 0: the boot CPU, then in the firmware's order */
	uint32_t hw_id;		/* its interrupt controller's id (x86: local APIC id) */
	uint64_t stack_top;	/* another CPU's: the kernel stack it starts and idles on */
	volatile bool arrived;	/* another CPU's: it runs kernel code, and waits for the lock */
	volatile bool online;	/* initialised and counted */
	uint64_t online_cycles;	/* another CPU's cycle counter as it came online (smp.c checks it) */
	/* The scheduler's (sched.c), this CPU's: */
	struct thread *thread;	/* the running thread: `current` (tcb.h) */
	struct thread *idle_thread;	/* its idle thread (sched.c: idle) */
	struct thread *dead_prev;	/* switched away from for good: the next thread reaps it */
	/* rq_mask, resched and zero_pad, adjacent, are read as one word too (sched.h: ready_or_resched). */
	uint32_t rq_mask;	/* bit p: rq[p] is not empty, or rq_pending is of priority p (sched.h: ready_mask) */
	bool resched;		/* the tick or a wakeup asks for a switch (sched.h: need_resched) */
	uint8_t zero_pad[3];	/* always zero: the padding ready_or_resched reads, named so that it stays zero */
	unsigned rq_count;	/* threads on its run queues (the balancing's load) */
	struct thread *rq_pending;	/* one the IPC fastpath preempted, not queued yet (sched.c: pending) */
	struct list rq[SCHED_PRIORITIES];	/* its run queues: lines of families (struct sched_queue link) */
	uint64_t ticks, busy_ticks;	/* its timer's ticks, those that found a thread running (smp_report) */
	volatile bool tlb_flush;	/* another CPU changes its address space's mappings (smp.c) */
	volatile bool tlb_parked;	/* it knows: it waits for the lock, and will flush first */
	volatile bool pass_turn;	/* pause once the lock is given back (smp_share_turns) */
	struct space_tag_cpu tags;	/* the address space tags it may load without a flush */
};

extern struct cpu cpus[CPU_MAX];
extern unsigned cpu_count;	/* cpus[0 .. cpu_count - 1] were found; 1 until smp_init */

/* The CPU running this code: one load through the arch's per-CPU register (GS). */
static inline struct cpu *cpu_this(void)
{
	return ARCH_CPU_SELF(struct cpu *, cpus[0].arch.self);
}

#endif
