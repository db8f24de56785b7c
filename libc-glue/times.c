/*
 * times() (POSIX): the task's CPU time and the elapsed time, in clock
 * ticks of sysconf(_SC_CLK_TCK), 100 a second: the kernel's timer tick,
 * which is also the resolution of its CPU time (rb_cpu_time_ns).
 */
#include <sys/times.h>

#include <rainbow/syscall.h>

_Static_assert(RB_CPU_TIME_RESOLUTION_NS * RB_CLOCK_TICKS_PER_SECOND == 1000000000,
	       "a clock tick of times() is a timer tick");

/*
 * tms_utime is all the task's CPU time: the kernel runs with interrupts
 * off, so the timer that samples CPU time only ever finds a task in user
 * mode, and tms_stime is 0.  There are no child processes: tms_cutime and
 * tms_cstime are 0.  Returns the monotonic clock in ticks; never fails.
 */
clock_t times(struct tms *buf)
{
	buf->tms_utime = (clock_t)(rb_cpu_time_ns(RB_CPU_TASK) / RB_CPU_TIME_RESOLUTION_NS);
	buf->tms_stime = 0;
	buf->tms_cutime = 0;
	buf->tms_cstime = 0;
	return (clock_t)(rb_clock_monotonic_ns() / RB_CPU_TIME_RESOLUTION_NS);
}
