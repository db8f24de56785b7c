/*
 * vDSO entry points that enter the kernel: one trap each, nothing else.
 * Their meaning is documented in <rainbow/syscall.h>.
 */
#include <rainbow/syscall.h>

#include "trap.h"

long rb_console_write(const void *buf, size_t len)
{
	return rb_syscall2(SYS_console_write, (long)buf, (long)len);
}

long rb_console_read(void *buf, size_t len, unsigned flags)
{
	return rb_syscall3(SYS_console_read, (long)buf, (long)len, flags);
}

/* The kernel never resumes a task after exit; trap loudly if it ever did. */
_Noreturn void rb_exit(int status)
{
	rb_syscall1(SYS_exit, status);
	__builtin_trap();
}

long rb_thread_create(void (*entry)(void *), void *arg, void *stack_top,
		      void *tls)
{
	return rb_syscall4(SYS_thread_create, (long)entry, (long)arg,
			   (long)stack_top, (long)tls);
}

_Noreturn void rb_thread_exit(int status)
{
	rb_syscall1(SYS_thread_exit, status);
	__builtin_trap();
}

long rb_thread_join(long tid, int *status)
{
	return rb_syscall2(SYS_thread_join, tid, (long)status);
}

long rb_mem_map(void *hint, size_t len, int prot)
{
	return rb_syscall3(SYS_mem_map, (long)hint, (long)len, prot);
}

long rb_mem_unmap(void *addr, size_t len)
{
	return rb_syscall2(SYS_mem_unmap, (long)addr, (long)len);
}

long rb_mem_protect(void *addr, size_t len, int prot)
{
	return rb_syscall3(SYS_mem_protect, (long)addr, (long)len, prot);
}

long rb_mem_usage(struct rb_mem_usage *usage)
{
	return rb_syscall1(SYS_mem_usage, (long)usage);
}

long rb_yield(void)
{
	return rb_syscall0(SYS_yield);
}

long rb_sleep_ns(uint64_t ns)
{
	return rb_syscall1(SYS_sleep, (long)ns);
}

long rb_task_id(void)
{
	return rb_syscall0(SYS_task_id);
}

long rb_task_alive(long key)
{
	return rb_syscall1(SYS_task_alive, key);
}

long rb_thread_id(void)
{
	return rb_syscall0(SYS_thread_id);
}

long rb_thread_set_priority(long tid, int priority)
{
	return rb_syscall2(SYS_thread_set_priority, tid, priority);
}

long rb_thread_set_affinity(long tid, uint32_t cpus)
{
	return rb_syscall2(SYS_thread_set_affinity, tid, cpus);
}

long rb_thread_get_affinity(long tid)
{
	return rb_syscall1(SYS_thread_get_affinity, tid);
}

long rb_cpu_current(void)
{
	return rb_syscall0(SYS_cpu_current);
}

long rb_futex_wait(const volatile uint32_t *addr, uint32_t expected, unsigned flags,
		   uint64_t deadline_ns)
{
	return rb_syscall4(SYS_futex_wait, (long)addr, expected, flags, (long)deadline_ns);
}

long rb_futex_wake(const volatile uint32_t *addr, uint32_t count)
{
	return rb_syscall2(SYS_futex_wake, (long)addr, count);
}

long rb_set_tls(void *fs_base)
{
	return rb_syscall1(SYS_set_tls, (long)fs_base);
}

long rb_random(void *buf, size_t len)
{
	return rb_syscall2(SYS_random, (long)buf, (long)len);
}

long rb_cpu_time_ns(int which)
{
	return rb_syscall1(SYS_cpu_time, which);
}

long rb_task_spawn(const void *image, size_t size, const char *const argv[],
		   const char *const envp[])
{
	return rb_syscall4(SYS_task_spawn, (long)image, (long)size, (long)argv, (long)envp);
}

long rb_task_wait(long id, int *status, unsigned flags)
{
	return rb_syscall3(SYS_task_wait, id, (long)status, flags);
}

long rb_task_kill(long id, unsigned flags)
{
	return rb_syscall2(SYS_task_kill, id, flags);
}

long rb_bootdata_take(void *buf, size_t len)
{
	return rb_syscall2(SYS_bootdata_take, (long)buf, (long)len);
}
