/*
 * A user's RFLAGS do not leak into the kernel (outside finding: NT).
 * SYSCALL keeps the user's flags but those its mask clears; a user NT
 * kept in the kernel made the next iretq, of whatever thread the CPU
 * switched to, a general protection fault in the kernel.  Each IPC
 * operation that blocks is made here with NT (and the other flags a user
 * may set: AC is cleared on entry too) set, while spinner threads,
 * preempted by the timer, are resumed through iretq; the flags come back
 * to user mode as they were.  tests/guest/rflags.sh runs it on one CPU
 * and on four.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define NT (1ul << 14)

static atomic_int stop;
static long port, handle;

static uint64_t flags_now(void)
{
	uint64_t f;

	__asm__ volatile("pushfq; popq %0" : "=r"(f));
	return f;
}

static void set_nt(void)
{
	__asm__ volatile("pushfq; orq %0, (%%rsp); popfq" : : "i"(NT) : "memory", "cc");
}

static void clear_nt(void)
{
	__asm__ volatile("pushfq; andq %0, (%%rsp); popfq" : : "i"(~NT) : "memory", "cc");
}

static void *spinner(void *arg)
{
	while (!atomic_load_explicit(&stop, memory_order_relaxed))
		;
	return arg;
}

/* After 50 ms, destroy the port: a call blocked on it fails with -EPIPE. */
static void *destroyer(void *arg)
{
	rb_sleep_ns(50000000ull);
	rb_port_destroy(port);
	return arg;
}

static atomic_int client_replied;

/* A client that calls the port once (the server side waits with NT set). */
static void *client(void *arg)
{
	(void)arg;
	rb_sleep_ns(20000000ull);
	long r = ipc_call(handle, RB_TAG(7, 0), 0);
	atomic_store(&client_replied, 1);
	return (void *)(intptr_t)r;
}

/*
 * Once the client has its reply, and 50 ms more (the server is blocked in
 * reply_and_wait by then), destroy the port.  Not on a fixed time: beside
 * the spinners on a busy host the client's call came after 50 ms.
 */
static void *ender(void *arg)
{
	while (!atomic_load(&client_replied))
		rb_sleep_ns(1000000ull);
	return destroyer(arg);
}

static void fresh_port(void)
{
	port = rb_port_create();
	handle = port < 0 ? port : rb_port_mint(port, 1);
}

int main(void)
{
	pthread_t spinners[8], helper;
	void *result;
	long r;
	uint64_t f;

	for (unsigned i = 0; i < 8; i++)
		pthread_create(&spinners[i], NULL, spinner, NULL);
	rb_sleep_ns(30000000ull);	/* the spinners run, and are preempted */

	/* A call that blocks (no server waits) until the port is destroyed. */
	fresh_port();
	pthread_create(&helper, NULL, destroyer, NULL);
	set_nt();
	r = ipc_call(handle, RB_TAG(1, 0), 0);
	f = flags_now();
	clear_nt();
	pthread_join(helper, NULL);
	check(r < 0, "ipc_call blocked with NT set: ended by the port's end");
	check(f & NT, "NT is the user's again after the call");

	/* ipc_wait that blocks, then reply_and_wait that blocks, with NT set. */
	pthread_t ending;
	fresh_port();
	pthread_create(&helper, NULL, client, NULL);
	pthread_create(&ending, NULL, ender, NULL);
	set_nt();
	r = ipc_wait(port, 0);
	long rcvid = rb_utcb()->rcvid;
	f = flags_now();
	if (r >= 0)
		r = ipc_reply_and_wait(rcvid, RB_TAG(8, 0), port);	/* blocks: no second call */
	clear_nt();
	check(f & NT, "NT is the user's again after ipc_wait");
	pthread_join(helper, &result);
	pthread_join(ending, NULL);
	check((intptr_t)result >= 0 && RB_TAG_LABEL((intptr_t)result) == 8,
	      "the client got the reply sent with NT set");
	check(r < 0, "reply_and_wait blocked with NT set: ended by the port's end");

	/* int $0x80 calls that switch: a yield and a sleep. */
	set_nt();
	rb_yield();
	rb_sleep_ns(10000000ull);
	f = flags_now();
	clear_nt();
	check(f & NT, "NT is the user's again after rb_yield and rb_sleep_ns");

	atomic_store(&stop, 1);
	for (unsigned i = 0; i < 8; i++)
		pthread_join(spinners[i], NULL);
	check(1, "the kernel survived every switch with a user's NT set");
	return tap_done();
}
