/* System calls that give up the CPU: rb_yield, rb_sleep_ns. */
#include "syscall_handlers.h"
#include "sched.h"

long sys_yield(const uint64_t arg[6])
{
	(void)arg;		/* no arguments */
	return sched_yield();
}

/* Never fails: any length is a valid sleep, the longest ones capped. */
long sys_sleep(const uint64_t arg[6])
{
	sched_sleep_ns(arg[0]);
	return 0;
}
