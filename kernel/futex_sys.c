/*
 * System calls of the futex wait queues (futex.c): rb_futex_wait and
 * rb_futex_wake, documented in <rainbow/syscall.h>.
 */
#include "syscall_handlers.h"
#include "futex.h"
#include "clock.h"
#include "timer.h"
#include "uaccess.h"
#include <rainbow/types.h>
#include <errno.h>

#define NS_PER_TICK (1000000000ull / TIMER_HZ)
/* Keep a deadline's tick from wrapping: this is still centuries. */
#define FUTEX_TICKS_MAX (1ull << 48)

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
	uint64_t now = clock_monotonic_ns();
	if (deadline_ns <= now)
		return -ETIMEDOUT;
	/* Round up, and one more tick: the current one is already partly over. */
	uint64_t ticks = (deadline_ns - now + NS_PER_TICK - 1) / NS_PER_TICK + 1;
	return futex_wait(addr, timer_ticks() + (ticks < FUTEX_TICKS_MAX ? ticks : FUTEX_TICKS_MAX));
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
