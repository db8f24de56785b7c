/*
 * From the vDSO's error convention to libc's.
 */
#include <errno.h>

#include "glue.h"

long __rb_syscall_ret(long r)
{
	if (r >= 0)
		return r;
	errno = (int)-r;
	return -1;
}
