/*
 * Threads that do nothing but wait, as many as asked or as the kernel
 * gives: raw rb_thread_create on small slices of one mapping, so a
 * thread costs the task little beyond the kernel's own charge.  They
 * wait on a futex, not on the clock, so holding thousands costs nothing.
 */
#include <rainbow/page.h>
#include <rainbow/syscall.h>

#include "objects.h"

#define STACK_WORDS 64

static uint64_t (*stacks)[STACK_WORDS];
static long *tids;
static int wanted, started;
static size_t mapped;
static volatile uint32_t release;

static void waiter(void *arg)
{
	(void)arg;
	while (!release)
		rb_futex_wait(&release, 0, 0, 0);
	rb_thread_exit(0);
}

long threads_prepare(int n)
{
	mapped = (size_t)n * (sizeof *stacks + sizeof *tids);
	long at = rb_mem_map(NULL, mapped, RB_PROT_READ | RB_PROT_WRITE);

	if (at < 0)
		return at;
	stacks = (void *)at;
	tids = (long *)(stacks + n);
	wanted = n;
	started = 0;
	release = 0;
	return 0;
}

int threads_start(long *error)
{
	*error = 0;
	while (started < wanted) {
		/* stack_top + 8 a multiple of 16, as at a function's entry */
		void *top = &stacks[started][STACK_WORDS - 1];
		long tid = rb_thread_create(waiter, 0, top, 0);
		if (tid < 0) {
			*error = tid;
			break;
		}
		tids[started++] = tid;
	}
	return started;
}

int threads_release(void)
{
	int joined = 0;

	release = 1;
	rb_futex_wake(&release, RB_FUTEX_WAKE_ALL);
	for (int i = 0; i < started; i++) {
		int status = -1;
		joined += rb_thread_join(tids[i], &status) == 0 && status == 0;
	}
	rb_mem_unmap(stacks, mapped);
	return joined;
}
