/*
 * The name registry: lookups, registration, name lengths, bad pointers,
 * and entries that go away with their port.
 */
#include <rainbow/syscall.h>

#include "test_ipc.h"

#define NAME_31 "test-ipc-name-of-31-bytes-xxxxx"
#define NAME_32 "test-ipc-name-of-32-bytes-xxxxxx"

void test_names(void)
{
	struct channel c = channel_open(0x31);
	struct echo e;

	check(rb_ns_lookup("test-ipc-nobody") == -ENOENT, "ns_lookup of a name nobody registered is ENOENT");
	check(rb_ns_lookup(NAME_32) == -ENAMETOOLONG, "ns_lookup of a 32-byte name is ENAMETOOLONG");
	check(rb_ns_register(NAME_32, c.send) == -ENAMETOOLONG,
	      "ns_register of a 32-byte name is ENAMETOOLONG");
	check(rb_ns_lookup(NULL) == -EFAULT && rb_ns_register(NULL, c.send) == -EFAULT,
	      "a null name is EFAULT");
	check(rb_ns_register(NAME_31, c.send) == 0, "ns_register of a 31-byte name succeeds");
	check(rb_ns_register(NAME_31, c.send) == -EEXIST, "registering the name again is EEXIST");
	long found = rb_ns_lookup(NAME_31);
	echo_start(&e, c.port, 1);
	int answered = echo_call(found, 1, 2, 51);
	check(found > 0 && found != c.send && echo_finish(&e) && answered && e.badge[0] == 0x31,
	      "ns_lookup gives a new handle that calls the port with the registered badge");
	check(rb_port_mint(found, 1) == -EPERM, "the handle looked up is a send handle");
	rb_handle_close(found);
	channel_close(c);
	check(rb_ns_lookup(NAME_31) == -ENOENT, "the name goes away with its port");
}
