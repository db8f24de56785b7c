/*
 * The name registry: lookups, registration, name lengths, bad pointers,
 * and entries that go away with their port.
 */
#include <string.h>

#include <rainbow/page.h>
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

/*
 * Names at a page's edge: the kernel copies a name a page at a time, so
 * one that crosses into the next page, or ends just before an unmapped
 * one, must read exactly as far as its NUL.
 */
void test_names_at_page_edges(void)
{
	struct channel c = channel_open(0);
	long at = rb_mem_map(NULL, 2 * RB_PAGE_SIZE, RB_PROT_READ | RB_PROT_WRITE);
	char *page = (char *)at, *edge = page + RB_PAGE_SIZE;

	check(at > 0, "two pages map");
	memcpy(edge - 8, "edge-one-page", 14);		/* 8 bytes, then 6 in the next page */
	long found = rb_ns_register(edge - 8, c.send) == 0 ? rb_ns_lookup("edge-one-page") : -1;
	check(found > 0, "a name across two pages registers and is found");
	rb_handle_close(found);
	check(rb_mem_unmap(edge, RB_PAGE_SIZE) == 0, "the second page unmaps");
	memcpy(edge - 9, "edge-two", 9);		/* its NUL in the last byte */
	check(rb_ns_register(edge - 9, c.send) == 0, "a name ending at the last byte before a hole registers");
	memcpy(edge - 4, "edge", 4);			/* no NUL before the hole */
	check(rb_ns_register(edge - 4, c.send) == -EFAULT && rb_ns_lookup(edge - 4) == -EFAULT,
	      "a name running into an unmapped page is EFAULT");
	rb_mem_unmap(page, RB_PAGE_SIZE);
	channel_close(c);
}
