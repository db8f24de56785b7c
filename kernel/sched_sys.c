/* System calls that give up the CPU: rb_yield, rb_sleep_ns. */
#include "syscall_handlers.h"
#include "sched.h"
#include "timer.h"

/* Keep wake_tick from wrapping: this is still centuries. */
#define SLEEP_TICKS_MAX (1ull << 48)

long sys_yield(const uint64_t arg[6])
{
	(void)arg;		/* no arguments */
	return sched_yield();
}

/* Never fails: any length is a valid sleep, the longest ones capped. */
long sys_sleep(const uint64_t arg[6])
{
	uint64_t ns = arg[0];

	uint64_t ns_per_tick = 1000000000ull / TIMER_HZ;
	/* One more tick: the current one is already partly over. */
	uint64_t ticks = ns / ns_per_tick + (ns % ns_per_tick != 0) + 1;
	sched_sleep(ticks < SLEEP_TICKS_MAX ? ticks : SLEEP_TICKS_MAX);
	return 0;
}
