/*
 * The operations that need no partner: a trivial kernel entry through the
 * vDSO, and the clock the vDSO reads from its data page.
 */
#include <rainbow/syscall.h>

#include "bench.h"

static long task_id(void)
{
	return rb_task_id();
}

/* Nanoseconds since boot are far below 2^63, so the result stays >= 0. */
static long clock_ns(void)
{
	return (long)rb_clock_monotonic_ns();
}

void bench_null_syscall(void)
{
	bench_finish("null_syscall", "rb_task_id", bench_time(task_id), 1);
}

void bench_vdso_clock(void)
{
	bench_time(clock_ns);
	bench_report("vdso_clock", 1);
}
