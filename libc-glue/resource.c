/*
 * getrlimit, setrlimit, getrusage (<sys/resource.h>, POSIX): the limits
 * the kernel and the runtime impose on a task, and its CPU time and
 * memory, read from the kernel.
 */
#include <elf.h>
#include <errno.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>

#include <rainbow/page.h>
#include <rainbow/syscall.h>

#include "fd.h"

/* The main stack's size: RB_MAIN_STACK_SIZE, or PT_GNU_STACK's page-rounded
 * size when larger (what the kernel reserved, kernel/loader.c). */
static rlim_t main_stack_size(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM);
	rlim_t size = RB_MAIN_STACK_SIZE;

	for (unsigned long i = 0; ph && i < n; i++) {
		if (ph[i].p_type != PT_GNU_STACK)
			continue;
		rlim_t want = (ph[i].p_memsz + RB_PAGE_SIZE - 1) & ~(rlim_t)(RB_PAGE_SIZE - 1);
		if (want > size)
			size = want;
	}
	return size;
}

/*
 * The task's limit of resource (soft and hard alike: nothing can raise
 * either): RLIMIT_STACK the main stack's size, RLIMIT_AS and RLIMIT_DATA
 * the task's memory limit (rb_mem_usage, bytes), RLIMIT_NOFILE the
 * descriptor table's FD_MAX, RLIMIT_CORE 0 (no core files are written),
 * RLIMIT_CPU and RLIMIT_FSIZE RLIM_INFINITY (not limited).  Returns 0, or
 * -1 with EINVAL for another resource.
 */
int getrlimit(int resource, struct rlimit *rlp)
{
	struct rb_mem_usage mem;
	rlim_t v;

	switch (resource) {
	case RLIMIT_STACK:
		v = main_stack_size();
		break;
	case RLIMIT_AS:
	case RLIMIT_DATA:
		if (rb_mem_usage(&mem) < 0) {
			errno = EFAULT;
			return -1;
		}
		v = mem.limit;
		break;
	case RLIMIT_NOFILE:
		v = FD_MAX;
		break;
	case RLIMIT_CORE:
		v = 0;
		break;
	case RLIMIT_CPU:
	case RLIMIT_FSIZE:
		v = RLIM_INFINITY;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	rlp->rlim_cur = rlp->rlim_max = v;
	return 0;
}

/*
 * Changes nothing the runtime cannot honour: the limits are the kernel's
 * and the table's, fixed for the task's life.  Returns 0 when *rlp asks for
 * what getrlimit gives; -1 with EINVAL for an unknown resource, a soft
 * limit above the hard one, or one lowered (neither Rainbow's kernel nor
 * its runtime can impose a lower limit); EPERM for one raised above the
 * hard limit (POSIX: raising needs privileges no task has).
 */
int setrlimit(int resource, const struct rlimit *rlp)
{
	struct rlimit now;

	if (getrlimit(resource, &now) < 0)
		return -1;
	if (rlp->rlim_cur > rlp->rlim_max) {
		errno = EINVAL;
		return -1;
	}
	if (rlp->rlim_max > now.rlim_max || rlp->rlim_cur > now.rlim_max) {
		errno = EPERM;
		return -1;
	}
	if (rlp->rlim_max < now.rlim_max || rlp->rlim_cur < now.rlim_cur) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/*
 * who RUSAGE_SELF (the task, ended threads included), RUSAGE_THREAD (the
 * calling thread) or RUSAGE_CHILDREN (0: the children's CPU time is not
 * collected, as for times()).  ru_utime is the kernel's CPU time
 * (rb_cpu_time_ns, 10 ms resolution); ru_stime is 0, since the kernel
 * runs with interrupts off and its timer only ever charges user time;
 * ru_maxrss is 0 (the kernel keeps no peak, only the current resident
 * size); the other fields are 0 (no such events are counted).  Returns 0,
 * or -1 with EINVAL for another who.
 */
int getrusage(int who, struct rusage *r_usage)
{
	long ns;

	switch (who) {
	case RUSAGE_SELF:
		ns = rb_cpu_time_ns(RB_CPU_TASK);
		break;
	case RUSAGE_THREAD:
		ns = rb_cpu_time_ns(RB_CPU_THREAD);
		break;
	case RUSAGE_CHILDREN:
		ns = 0;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	memset(r_usage, 0, sizeof(*r_usage));
	r_usage->ru_utime.tv_sec = ns / 1000000000;
	r_usage->ru_utime.tv_usec = ns % 1000000000 / 1000;
	return 0;
}
