/*
 * System calls about the threads of the calling task: create, end, join,
 * priority, affinity (and the CPU one runs on), id and TLS base.
 */
#include "syscall_handlers.h"
#include "tcb.h"
#include "task.h"
#include "sched.h"
#include "uaccess.h"
#include "arch/layout.h"
#include "arch/thread_arch.h"
#include <errno.h>
#include <rainbow/types.h>

long sys_thread_create(const uint64_t arg[6])
{
	uint64_t entry = arg[0], user_arg = arg[1], stack_top = arg[2], tls = arg[3];
	struct task *t = current->task;

	if (entry == 0 || entry >= USER_TOP || stack_top == 0 || stack_top > USER_TOP ||
	    tls >= USER_TOP)
		return -EINVAL;
	long err;
	struct thread *th = task_spawn_thread(t, current->priority, entry, stack_top, user_arg, tls, &err);

	return th ? th->id : err;
}

long sys_thread_set_priority(const uint64_t arg[6])
{
	uint64_t tid = arg[0], priority = arg[1];
	struct thread *th = tid ? task_find_thread(current->task, tid) : current;

	if (priority >= SCHED_PRIORITIES)
		return -EINVAL;
	if (priority > RB_PRIORITY_DEFAULT)
		return -EPERM;		/* no task takes the CPU from the others */
	if (!th || th->state == THREAD_ZOMBIE)
		return -ESRCH;
	sched_set_priority(th, priority);
	return 0;
}

long sys_thread_set_affinity(const uint64_t arg[6])
{
	uint64_t tid = arg[0], mask = arg[1] & sched_cpus_online();
	struct thread *th = tid ? task_find_thread(current->task, tid) : current;

	if (!mask)
		return -EINVAL;
	if (!th || th->state == THREAD_ZOMBIE)
		return -ESRCH;
	sched_set_affinity(th, (uint32_t)mask);	/* current leaves a CPU it may not use on its way back to user mode */
	return 0;
}

long sys_thread_get_affinity(const uint64_t arg[6])
{
	uint64_t tid = arg[0];
	struct thread *th = tid ? task_find_thread(current->task, tid) : current;

	if (!th || th->state == THREAD_ZOMBIE)
		return -ESRCH;
	return th->affinity;
}

long sys_cpu_current(const uint64_t arg[6])
{
	(void)arg;		/* no arguments */
	return cpu_this()->index;
}

long sys_thread_exit(const uint64_t arg[6])
{
	int status = (int)arg[0];

	task_thread_exit(status);
}

long sys_thread_join(const uint64_t arg[6])
{
	uint64_t tid = arg[0], status_ptr = arg[1];
	struct thread *th = task_find_thread(current->task, tid);

	if (!th)
		return -ESRCH;
	if (th == current)
		return -EDEADLK;
	if (th->joiner)
		return -EINVAL;		/* someone else is joining it */
	if (status_ptr && !user_range_ok(status_ptr, sizeof(int), true))
		return -EFAULT;
	if (th->state != THREAD_ZOMBIE) {
		th->joiner = current;
		sched_block(THREAD_JOINING);
	}
	int status = th->exit_status;
	task_reap_thread(th);
	/* Checked above; only another thread unmapping it meanwhile fails here,
	 * and then the thread is joined all the same. */
	if (status_ptr && copy_to_user(status_ptr, &status, sizeof(status)))
		return -EFAULT;
	return 0;
}

long sys_thread_id(const uint64_t arg[6])
{
	(void)arg;		/* no arguments */
	return current->id;
}

/* The TLS base is loaded on every switch to this thread (thread_arch.c). */
long sys_set_tls(const uint64_t arg[6])
{
	uint64_t base = arg[0];

	if (base >= USER_TOP)
		return -EINVAL;
	current->tls_base = base;
	thread_load_tls(current);
	return 0;
}
