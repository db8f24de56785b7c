/*
 * The other CPUs (smp.c; docs/kernel.md, CPUs): their bring-up, then what
 * CPUs ask of each other (kicks, TLB shootdowns) and every kernel entry's
 * first step.
 */
#ifndef SMP_H
#define SMP_H

#include <stdint.h>
#include "percpu.h"
#include "multiboot2.h"

/*
 * On the boot CPU, holding the kernel lock, after the timer's calibration:
 * find the CPUs (ACPI, from the boot information's RSDP) and start each
 * other one, using the free page low_page below 1 MiB for its start-up
 * code (0: none, only the boot CPU runs).  A CPU that does not answer
 * within a second is logged and left out; so are all of them, with one log
 * line, when the tables are absent or bad, or the command line has the
 * word acpi=off.
 */
void smp_init(const struct boot_info *boot, uint64_t low_page);

/* Where another CPU starts in portable code (from the arch's start-up path); never returns. */
_Noreturn void smp_cpu_main(struct cpu *c);

/* With more than one CPU, one line each: the ticks that found a thread running there. */
void smp_report(void);

/*
 * Every system call's first step when the lock is shared (klock_shared):
 * take the kernel lock, then smp_leave_if_dead.
 */
void smp_kernel_enter(void);
/*
 * A current thread another CPU ended meanwhile (task_end) switches away
 * for good, and this does not return.  Interrupts call it only after
 * their handler has acknowledged them (trap_dispatch): a CPU that left an
 * interrupt unacknowledged would take no more of its kind.
 */
void smp_leave_if_dead(void);
/*
 * While waiting for the lock: say so when another CPU asked for a TLB
 * flush (smp_tlb_shootdown), which this CPU then does as soon as it has
 * the lock (smp_lock_taken), before any return to user mode.
 */
void smp_answer(void);
void smp_lock_taken(void);
/*
 * On the machine-wide tick (sched_tick), with more than one CPU: the CPUs
 * before this tick's one in turn (ticks modulo the CPU count) that run a
 * thread are asked to pause once, as they next give the kernel lock back
 * (klock_give), this CPU included.  For emulators that run every vCPU in
 * one host thread: QEMU's single-threaded TCG under -icount (7.2, Debian
 * 12's) runs the vCPUs in index order, each until it halts, pauses or the
 * time to the next timer deadline is used up, so a busy CPU 0 left the
 * others no time at all (`make bench SMP=2` stalled for good).  On
 * hardware it costs a PAUSE per CPU every few ticks, and a kick for each
 * busy CPU ahead of the turn's: nothing measurable.  Under the lock.
 */
void smp_share_turns(uint64_t tick);
/* Interrupt CPU c, which then enters the kernel (and reads what its struct cpu asks). */
void smp_kick(struct cpu *c);
/*
 * Before the mappings of address space `space` change (unmapped, or
 * their rights changed): every other CPU that has it loaded (runs one of
 * its threads) is interrupted and waits for the kernel lock, so runs no
 * user code until, holding the lock after this CPU, it has flushed its
 * TLB.  Every CPU that does not have it loaded, this one too, flushes
 * the space's tag at its next load of it (space_tag_changed), since it
 * may hold entries of it from before.  No interrupt when no other CPU has
 * it loaded: a task whose threads run on this CPU only pays a look at
 * each CPU.  Under the lock.
 */
void smp_tlb_shootdown(uint64_t space);

/*
 * Whether a change of mappings concerns more than this CPU's entries of
 * the loaded space: there is more than one CPU, or spaces have tags
 * (space_tag.h).  Set by smp_init, before any task.
 */
extern bool smp_tlb_tracked;

/* smp_tlb_shootdown when smp_tlb_tracked (a compare otherwise). */
static inline void vm_shootdown(uint64_t space)
{
	if (smp_tlb_tracked)
		smp_tlb_shootdown(space);
}

#endif
