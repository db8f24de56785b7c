/* The system call of CPU time (cputime.h): rb_cpu_time_ns. */
#include "syscall_handlers.h"
#include "cputime.h"
#include <errno.h>

long sys_cpu_time(const uint64_t arg[6])
{
	int which = (int)arg[0];

	if (which == RB_CPU_TASK)
		return (long)current->task->cpu_ns;
	if (which == RB_CPU_THREAD)
		return (long)current->cpu_ns;
	return -EINVAL;
}
