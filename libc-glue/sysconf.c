/*
 * sysconf() (POSIX): the limits and options Rainbow can state.  A name it
 * does not know gives -1 with EINVAL; an option it does not support, or a
 * limit it does not impose, gives -1 with errno unchanged, as POSIX says.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include <rainbow/syscall.h>
#include <rainbow/types.h>

#include "fd.h"

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return RB_PAGE_SIZE;
	case _SC_NPROCESSORS_CONF:	/* a CPU that never came online is not counted */
	case _SC_NPROCESSORS_ONLN:	/* from the vDSO's data page, no kernel entry */
		return __builtin_popcount(rb_cpus_online());
	case _SC_OPEN_MAX:
		return FD_MAX;		/* descriptors: fd.h */
	case _SC_CLK_TCK:		/* times()'s unit */
		return RB_CLOCK_TICKS_PER_SECOND;
	case _SC_CPUTIME:		/* the options without their macros: docs/sdk.md */
	case _SC_THREAD_CPUTIME:
		return 200112L;
	case _SC_ARG_MAX:
	case _SC_CHILD_MAX:
	case _SC_NGROUPS_MAX:
	case _SC_THREADS:
	case _SC_TIMERS:
	case _SC_MAPPED_FILES:
	case _SC_SPAWN:
		return -1;
	default:
		errno = EINVAL;
		return -1;
	}
}
