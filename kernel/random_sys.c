/* The system call of the kernel's random generator: rb_random. */
#include "syscall_handlers.h"
#include "random.h"
#include "uaccess.h"
#include <errno.h>
#include <rainbow/types.h>
#include <string.h>

long sys_random(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];
	uint8_t bytes[RB_RANDOM_MAX];

	if (len > sizeof(bytes))
		return -EINVAL;
	if (!user_range_ok(buf, len, true))
		return -EFAULT;
	random_bytes(bytes, len);
	copy_to_user(buf, bytes, len);
	explicit_bzero(bytes, len);
	return len;
}
