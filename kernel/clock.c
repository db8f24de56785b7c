/*
 * Time for user space.  The kernel publishes a TSC-to-nanoseconds
 * conversion in the vDSO data page; the vDSO reads it without entering
 * the kernel.  Updates follow the sequence protocol of vdso_data.h.
 */
#include "clock.h"
#include "vdso_data.h"
#include "timer.h"
#include "arch/rtc.h"
#include "machine.h"
#include "log.h"

#define NS_PER_SECOND 1000000000ull

static struct rb_vdso_data *data;

static void publish_begin(void)
{
	data->seq++;
	__asm__ volatile("" : : : "memory");
}

static void publish_end(void)
{
	__asm__ volatile("" : : : "memory");
	data->seq++;
}

void clock_init(struct rb_vdso_data *page)
{
	uint64_t hz = timer_tsc_hz();
	int64_t wall = rtc_read_unix_seconds();

	data = page;
	publish_begin();
	data->version = RB_VDSO_DATA_VERSION;
	data->tsc_base = machine_cycles();
	data->ns_base = 0;
	data->tsc_to_ns_mult = (uint64_t)(((unsigned __int128)NS_PER_SECOND << 32) / hz);
	data->realtime_offset_ns = wall * (int64_t)NS_PER_SECOND;
	data->ticks = timer_ticks();
	publish_end();
	klog("clock: TSC %lu kHz, wall clock %ld s since 1970 (from the RTC)", hz / 1000, (long)wall);
}

void clock_tick(uint64_t ticks)
{
	if (!data)
		return;
	publish_begin();
	data->ticks = ticks;
	publish_end();
}

uint64_t clock_monotonic_ns(void)
{
	uint64_t ticks = machine_cycles() - data->tsc_base;

	if ((int64_t)ticks < 0)
		ticks = 0;
	return data->ns_base + (uint64_t)(((unsigned __int128)ticks * data->tsc_to_ns_mult) >> 32);
}
