/*
 * System calls of the futex wait queues (futex.c): rb_futex_wait and
 * rb_futex_wake, documented in <rainbow/syscall.h>.
 */
#include "syscall_handlers.h"
#include "futex.h"
#include "clock.h"
#include "uaccess.h"
#include <rainbow/types.h>
#include <errno.h>

long sys_futex_wait(const uint64_t arg[6])
{
	uint64_t addr = arg[0], flags = arg[2], deadline_ns = arg[3];
	uint32_t expected = (uint32_t)arg[1], value;

	if (addr % sizeof(uint32_t) || flags & ~(uint64_t)RB_FUTEX_DEADLINE)
		return -EINVAL;
	if (copy_from_user(&value, addr, sizeof(value)))
		return -EFAULT;
	if (value != expected)
		return -EAGAIN;
	if (!(flags & RB_FUTEX_DEADLINE))
		return futex_wait(addr, 0);
	if (deadline_ns <= clock_monotonic_ns())
		return -ETIMEDOUT;
	return futex_wait(addr, deadline_ns);
}

long sys_futex_wake(const uint64_t arg[6])
{
	uint64_t addr = arg[0];
	uint32_t count = (uint32_t)arg[1];

	if (addr % sizeof(uint32_t))
		return -EINVAL;
	if (!user_range_ok(addr, sizeof(uint32_t), false))
		return -EFAULT;
	return futex_wake(addr, count);
}
