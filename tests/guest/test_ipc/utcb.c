/*
 * The UTCB: one per thread, found through rb_utcb(), and out of reach of
 * rb_mem_unmap.
 */
#include <stdint.h>

#include <rainbow/syscall.h>

#include "test_ipc.h"

static int other_thread_utcb(void *arg)
{
	struct rb_utcb *utcb = rb_utcb();

	*(struct rb_utcb **)arg = utcb;
	utcb->mr[10] = 0xabcd;
	return utcb->self != utcb;
}

void test_utcb(void)
{
	struct rb_utcb *utcb = rb_utcb();
	struct rb_utcb *other = NULL;
	int status = 1;
	void *page = (void *)((uintptr_t)utcb & ~(uintptr_t)4095);

	check(utcb && utcb->self == utcb, "rb_utcb() finds the UTCB, whose self points to it");
	utcb->mr[10] = 0x1234;
	struct rb_thread *t = rb_thread_start(other_thread_utcb, &other);
	if (t)
		rb_thread_wait(t, &status);
	check(status == 0 && other && other != utcb && utcb->mr[10] == 0x1234,
	      "another thread has a UTCB of its own");
	check(rb_mem_unmap(page, 4096) == -EINVAL, "mem_unmap of the UTCB's page is EINVAL");
	utcb->mr[RB_IPC_MRS - 1] = 0x5678;
	check(rb_utcb() == utcb && utcb->mr[RB_IPC_MRS - 1] == 0x5678,
	      "the UTCB is still there and writable");
}
