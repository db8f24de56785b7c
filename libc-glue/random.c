/*
 * getentropy() (POSIX 2024) and getrandom() (glibc, musl): random bytes
 * from the kernel's generator through rb_random, at most RB_RANDOM_MAX
 * bytes a call.  picolibc's arc4random() seeds itself from getentropy().
 */
#include <errno.h>
#include <sys/random.h>

#include <rainbow/syscall.h>

#include "glue.h"

_Static_assert(GETENTROPY_MAX == RB_RANDOM_MAX, "one getentropy() is one rb_random()");

int getentropy(void *buf, size_t len)
{
	long r = len > GETENTROPY_MAX ? -EINVAL : rb_random(buf, len);

	return r < 0 ? (int)__rb_syscall_ret(r) : 0;
}

ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
	char *out = buf;

	if (flags & ~(unsigned)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return __rb_syscall_ret(-EINVAL);
	for (size_t done = 0; done < len;) {
		size_t n = len - done < RB_RANDOM_MAX ? len - done : RB_RANDOM_MAX;
		long r = rb_random(out + done, n);
		if (r < 0)
			return __rb_syscall_ret(r);
		done += n;
	}
	return (ssize_t)len;
}
