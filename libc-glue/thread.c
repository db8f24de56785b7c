/*
 * rb_thread_start() and rb_thread_wait(): <rainbow/thread.h> over the
 * vDSO's rb_thread_create() and rb_thread_join(); pthread_create() starts
 * its threads here too, with the stack size of its attributes.
 *
 * One mapping per thread, from low to high addresses: a guard page, the
 * stack, the struct rb_thread, and the area of the TLS block.  The guard
 * page is unmapped again at once, so that running off the stack faults;
 * being free memory, it may be mapped again by anyone later, which is why
 * only the rest is the thread's to unmap.
 */
#include <errno.h>
#include <stdint.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#include "crt.h"
#include "glue.h"


struct rb_thread {
	long tid;
	int (*fn)(void *);
	void *arg;
	char *stack;           /* start of the mapping without its guard page */
	size_t size;           /* of the mapping from stack on */
};

/* Where the kernel starts the thread, with rdi = the struct rb_thread. */
static _Noreturn void thread_main(void *self)
{
	struct rb_thread *thread = self;
	int status = thread->fn(thread->arg);

	__rb_stdout_flush();
	rb_thread_exit(status);
}

/*
 * The kernel starts a thread with rsp = stack_top as if entry had just been
 * called: rsp + 8 a multiple of 16, and a return address, 0 here, at rsp.
 */
static void *initial_stack_top(char *stack_end)
{
	uintptr_t *top = (uintptr_t *)(((uintptr_t)stack_end & ~(uintptr_t)15) - 8);

	*top = 0;
	return top;
}

struct rb_thread *rb_thread_start(int (*fn)(void *), void *arg)
{
	return __rb_thread_start_sized(fn, arg, RB_THREAD_STACK_SIZE);
}

struct rb_thread *__rb_thread_start_sized(int (*fn)(void *), void *arg, size_t stack_size)
{
	size_t stack = (stack_size + RB_PAGE_SIZE - 1) & ~(size_t)(RB_PAGE_SIZE - 1);
	size_t tls = __rb_tls_area_size();
	size_t size;
	struct rb_thread *thread;
	void *tls_block;
	long mapped, tid;

	/* Far beyond any task's memory, and clear of wrapping around. */
	if (stack_size > RB_THREAD_STACK_SIZE_MAX || tls == 0 ||
	    __builtin_add_overflow(RB_PAGE_SIZE + stack + sizeof(struct rb_thread), tls, &size)) {
		__rb_syscall_ret(-ENOMEM);
		return NULL;
	}
	mapped = rb_mem_map(NULL, size, RB_PROT_READ | RB_PROT_WRITE);
	if (mapped < 0) {
		__rb_syscall_ret(mapped);
		return NULL;
	}
	rb_mem_unmap((void *)mapped, RB_PAGE_SIZE);
	thread = (struct rb_thread *)((char *)mapped + RB_PAGE_SIZE + stack);
	*thread = (struct rb_thread){ .fn = fn, .arg = arg,
				      .stack = (char *)mapped + RB_PAGE_SIZE,
				      .size = size - RB_PAGE_SIZE };
	tls_block = __rb_tls_init(thread + 1);
	tid = rb_thread_create(thread_main, thread, initial_stack_top((char *)thread),
			       __rb_tls_thread_pointer(tls_block));
	if (tid < 0) {
		rb_mem_unmap(thread->stack, thread->size);
		__rb_syscall_ret(tid);
		return NULL;
	}
	thread->tid = tid;
	return thread;
}

int rb_thread_wait(struct rb_thread *thread, int *status)
{
	long r = rb_thread_join(thread->tid, status);

	if (r < 0)
		return __rb_syscall_ret(r);
	rb_mem_unmap(thread->stack, thread->size);
	return 0;
}
