/*
 * The local APIC in xAPIC mode: registers 16 bytes apart in one 4 KiB
 * page, mapped uncached once for all CPUs (each CPU sees its own APIC at
 * the same address).  Intel SDM vol. 3A, chapter 10.
 */
#include "arch/lapic.h"
#include "arch/layout.h"
#include "arch/cpu.h"
#include "vm.h"
#include "panic.h"
#include "timer.h"
#include "machine.h"

#define REG_ID        0x020
#define REG_EOI       0x0b0
#define REG_SVR       0x0f0
#define REG_ICR_LOW   0x300
#define REG_ICR_HIGH  0x310
#define REG_LVT_TIMER 0x320
#define REG_LVT_LINT0 0x350
#define REG_LVT_LINT1 0x360
#define REG_LVT_ERROR 0x370
#define REG_TIMER_INIT    0x380
#define REG_TIMER_CURRENT 0x390
#define REG_TIMER_DIVIDE  0x3e0

#define SVR_ENABLE     0x100
#define LVT_MASKED     0x10000
#define LVT_EXTINT     0x700
#define LVT_NMI        0x400
#define ICR_INIT       0x500
#define ICR_STARTUP    0x600
#define ICR_ASSERT     0x4000
#define ICR_PENDING    0x1000		/* delivery status: not yet accepted */
#define TIMER_DIVIDE_16 0x3
#define LVT_PERIODIC   0x20000
#define ICR_FIXED      0x000

static uint64_t timer_hz;	/* counts per second at divide 16, once calibrated */

static volatile uint32_t *regs;

/* The spurious interrupt: no EOI (SDM 10.9), nothing to save. */
__asm__(".text\n\t.global lapic_spurious_entry\nlapic_spurious_entry:\n\tiretq");

static uint32_t get(unsigned reg)
{
	return regs[reg / 4];
}

static void put(unsigned reg, uint32_t v)
{
	regs[reg / 4] = v;
}

void lapic_map(uint64_t phys)
{
	KASSERT(!regs && !(phys & (PAGE_SIZE - 1)));
	if (!vm_map(vm_kernel_space(), DEVICE_MAP_BASE, phys, VM_WRITE | VM_DEVICE))
		panic("out of memory mapping the local APIC");
	regs = (volatile uint32_t *)DEVICE_MAP_BASE;
}

bool lapic_mapped(void)
{
	return regs != NULL;
}

void lapic_init_cpu(bool keep_pic)
{
	put(REG_SVR, SVR_ENABLE | VEC_LAPIC_SPURIOUS);
	put(REG_LVT_TIMER, LVT_MASKED);
	put(REG_LVT_ERROR, LVT_MASKED);
	put(REG_LVT_LINT0, keep_pic ? LVT_EXTINT : LVT_MASKED);
	put(REG_LVT_LINT1, keep_pic ? LVT_NMI : LVT_MASKED);
}

uint32_t lapic_id(void)
{
	return get(REG_ID) >> 24;
}

void lapic_eoi(void)
{
	put(REG_EOI, 0);
}

static void wait_us(uint64_t us)
{
	uint64_t end = machine_cycles() + timer_tsc_hz() / 1000000 * us;
	while (machine_cycles() < end)
		__asm__ volatile("pause");
}

static void send_ipi(uint32_t id, uint32_t low)
{
	put(REG_ICR_HIGH, id << 24);
	put(REG_ICR_LOW, low);
	while (get(REG_ICR_LOW) & ICR_PENDING)
		__asm__ volatile("pause");
}

void lapic_start_cpu(uint32_t id, uint64_t page_phys)
{
	KASSERT(page_phys < 0x100000 && !(page_phys & (PAGE_SIZE - 1)));
	send_ipi(id, ICR_INIT | ICR_ASSERT);
	wait_us(10000);
	for (int i = 0; i < 2; i++) {
		send_ipi(id, ICR_STARTUP | ICR_ASSERT | (uint32_t)(page_phys >> 12));
		wait_us(200);
	}
}

void lapic_stop_cpu(uint32_t id)
{
	send_ipi(id, ICR_INIT | ICR_ASSERT);
}


/*
 * One measurement: the timer's counts per second at divide 16, over about
 * 10 ms, against the TSC read on both sides of the count, so a stall of
 * the CPU in between (a busy host's) is measured, not assumed away.
 */
static uint64_t timer_rate(void)
{
	put(REG_TIMER_INIT, UINT32_MAX);
	uint64_t t0 = machine_cycles();
	wait_us(10000);
	uint32_t left = get(REG_TIMER_CURRENT);
	uint64_t t1 = machine_cycles();
	put(REG_TIMER_INIT, 0);
	return (uint64_t)(UINT32_MAX - left) * timer_tsc_hz() / (t1 - t0);
}

uint64_t lapic_timer_calibrate(void)
{
	put(REG_TIMER_DIVIDE, TIMER_DIVIDE_16);
	put(REG_LVT_TIMER, LVT_MASKED);
	timer_hz = timer_median_of_3(timer_rate);
	return timer_hz;
}

void lapic_timer_start(unsigned hz, unsigned vector)
{
	KASSERT(timer_hz);
	put(REG_TIMER_DIVIDE, TIMER_DIVIDE_16);
	put(REG_LVT_TIMER, LVT_PERIODIC | vector);
	put(REG_TIMER_INIT, (uint32_t)(timer_hz / hz));
}

void lapic_send(uint32_t id, unsigned vector)
{
	send_ipi(id, ICR_FIXED | ICR_ASSERT | vector);
}
