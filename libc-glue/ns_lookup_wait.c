/* rb_ns_lookup_wait: a name lookup that waits for the server to register. */
#include <errno.h>
#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>

#define RETRY_NS 1000000ull

long rb_ns_lookup_wait(const char *name, uint64_t timeout_ns)
{
	uint64_t deadline = rb_clock_monotonic_ns() + timeout_ns;
	long handle;

	while ((handle = rb_ns_lookup(name)) == -ENOENT && rb_clock_monotonic_ns() < deadline)
		rb_sleep_ns(RETRY_NS);
	return handle;
}
