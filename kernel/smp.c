/*
 * Bringing up the other CPUs, one at a time, and what CPUs ask of each
 * other afterwards (kicks, TLB flushes).  The boot CPU holds the
 * kernel lock; a CPU it starts says it has arrived, then waits for the
 * lock, which the boot CPU gives up only while that CPU initialises and
 * logs; then the boot CPU takes it back and starts the next.  Each CPU
 * then starts its timer and waits for the scheduler to start
 * (sched_start_cpu), after which it runs threads as the boot CPU does.
 */
#include "smp.h"
#include "klock.h"
#include "log.h"
#include "pmm.h"
#include "phys.h"
#include "timer.h"
#include "machine.h"
#include "cmdline.h"
#include "sched.h"
#include "task.h"
#include "vm.h"
#include "vdso_map.h"
#include "space_tag.h"
#include "arch/atomic.h"
#include "arch/smp_arch.h"
#include "arch/layout.h"

#define ANSWER_US 1000000	/* how long a CPU has to arrive, then to come online */

/* Whether *flag became true within us microseconds of the TSC.  Spins
 * with cpu_relax: where CPUs share one host thread (QEMU's single-threaded
 * TCG, -icount), that hands the turn to the CPU it waits for. */
static bool wait_for(volatile bool *flag, uint64_t us)
{
	uint64_t end = machine_cycles() + timer_tsc_hz() / 1000000 * us;

	while (!*flag) {
		if (machine_cycles() > end)
			return false;
		cpu_relax();
	}
	return true;
}

static bool start_cpu(struct cpu *c)
{
	uint64_t stack = pmm_alloc();

	if (!stack) {
		klog("cpu %u: no memory for its stack, left out", c->index);
		return false;
	}
	/* Never freed: the CPU runs on it for good, or may still start late. */
	c->stack_top = (uint64_t)phys_to_virt(stack) + PAGE_SIZE;
	arch_cpu_start(c);
	if (!wait_for(&c->arrived, ANSWER_US)) {
		arch_cpu_stop(c);
		klog("cpu %u: no answer (%s %u), left out", c->index, ARCH_CPU_ID_NAME, c->hw_id);
		return false;
	}
	uint64_t before = machine_cycles();
	klock_give();
	bool online = wait_for(&c->online, ANSWER_US);
	klock_take();
	uint64_t after = machine_cycles();
	if (!online)
		klog("cpu %u: started but not online within a second, left out", c->index);
	else if (c->online_cycles < before || c->online_cycles > after)
		klog("cpu %u: its cycle counter is out of step with the boot CPU's (%ld cycles off at least): "
		     "the vDSO clock may step back when a thread moves to it",
		     c->index, c->online_cycles < before ? (long)(c->online_cycles - before)
							 : (long)(c->online_cycles - after));
	return online;
}

void smp_init(const struct boot_info *boot, uint64_t low_page)
{
	const char *why = cmdline_is(boot->cmdline, "acpi", "off")
				  ? "acpi=off on the command line"
				  : arch_cpus_find(boot->acpi_rsdp, boot->acpi_rsdp_len);

	smp_tlb_tracked = cpu_count > 1 || space_tag_count() > 1;
	cpus[0].online = true;
	if (why) {
		klog("cpus: only the boot CPU (ACPI: %s)", why);
		return;
	}
	if (cpu_count == 1)
		return;
	why = low_page ? arch_cpus_start_prepare(low_page) : "no free page below 1 MiB";
	if (why) {
		klog("cpus: only the boot CPU of %u (%s)", cpu_count, why);
		return;
	}
	unsigned online = 1;
	for (unsigned i = 1; i < cpu_count; i++)
		online += start_cpu(&cpus[i]);
	arch_cpus_start_done();
	klog("cpus: %u of %u online", online, cpu_count);
}

_Noreturn void smp_cpu_main(struct cpu *c)
{
	c->arrived = true;
	klock_take();
	arch_cpu_init();
	klog("cpu %u: online, %s %u", c->index, ARCH_CPU_ID_NAME, c->hw_id);
	c->online_cycles = machine_cycles();
	c->online = true;
	vdso_publish_cpus();	/* a CPU late for smp_init joins the mask user space reads */
	arch_cpu_timer_start();
	sched_start_cpu();
}

void smp_report(void)
{
	for (unsigned i = 0; cpu_count > 1 && i < cpu_count; i++)
		klog("cpu %u: ran threads at %lu of %lu ticks", i, cpus[i].busy_ticks, cpus[i].ticks);
}

void smp_leave_if_dead(void)
{
	if (current->state == THREAD_DEAD)
		sched_block(THREAD_DEAD);	/* reaped by the next thread here */
}

void smp_kernel_enter(void)
{
	klock_take();
	smp_leave_if_dead();
}

void smp_answer(void)
{
	struct cpu *c = cpu_this();

	if (c->tlb_flush)
		c->tlb_parked = true;
}

void smp_lock_taken(void)
{
	struct cpu *c = cpu_this();

	if (c->tlb_flush) {
		arch_tlb_flush();
		c->tlb_parked = false;
		c->tlb_flush = false;
	}
}

void smp_share_turns(uint64_t tick)
{
	unsigned turn = (unsigned)(tick % cpu_count);

	for (unsigned i = 0; i < turn; i++) {
		struct cpu *c = &cpus[i];
		if (!c->online || c->thread == c->idle_thread)
			continue;	/* an idle CPU halts, which ends its time anyway */
		c->pass_turn = true;
		if (c != cpu_this())
			arch_cpu_kick(c);
	}
}

void smp_kick(struct cpu *c)
{
	arch_cpu_kick(c);
}

bool smp_tlb_tracked;

void smp_tlb_shootdown(uint64_t space)
{
	struct cpu *me = cpu_this();
	uint32_t loaded = 0;

	for (unsigned i = 0; i < cpu_count; i++) {
		struct cpu *c = &cpus[i];
		if (!c->thread || !c->thread->task || c->thread->task->space != space)
			continue;
		loaded |= 1u << i;
		if (c == me)
			continue;
		c->tlb_flush = true;
		arch_cpu_kick(c);
	}
	space_tag_changed(vm_space_tag(space), loaded);
	for (unsigned i = 0; i < cpu_count; i++)
		while (cpus[i].tlb_flush && !cpus[i].tlb_parked)
			cpu_relax();
}
