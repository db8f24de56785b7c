/* Thread control blocks: one page each, shared with the kernel stack. */
#include "thread.h"
#include "pmm.h"
#include "phys.h"
#include <string.h>

static long next_thread_id = 1;

struct thread *thread_alloc(struct task *task, unsigned priority)
{
	uint64_t frame = pmm_alloc();
	if (!frame)
		return NULL;
	struct thread *t = phys_to_virt(frame);
	memset(t, 0, sizeof(*t));
	t->task = task;
	t->id = next_thread_id++;
	t->priority = priority;
	t->state = THREAD_READY;
	t->stack_canary = THREAD_STACK_CANARY;
	return t;
}

void thread_free(struct thread *t)
{
	pmm_free(virt_to_phys(t));
}
