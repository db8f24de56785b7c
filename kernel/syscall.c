/*
 * The interrupt-path system calls (SYSCALL is IPC's, see ipc.c): one table
 * from the private numbers of vdso/sysno.h to handlers.  Each handler
 * checks all its arguments before it changes anything, and returns a
 * negative errno on bad input.  Small handlers live here; the rest with
 * the module they belong to.
 */
#include "syscall.h"
#include "sysno.h"
#include "arch/interrupt.h"
#include "thread.h"
#include "task.h"
#include "sched.h"
#include "uaccess.h"
#include "log.h"
#include "arch/serial.h"
#include "timer.h"
#include "arch/layout.h"
#include "arch/thread_arch.h"
#include <errno.h>

#define SLEEP_TICKS_MAX (1ull << 48)

static const syscall_fn syscalls[SYS_COUNT] = {
	[SYS_console_write] = sys_console_write,
	[SYS_console_read] = sys_console_read,
	[SYS_exit] = sys_exit,
	[SYS_thread_create] = sys_thread_create,
	[SYS_thread_exit] = sys_thread_exit,
	[SYS_thread_join] = sys_thread_join,
	[SYS_thread_set_priority] = sys_thread_set_priority,
	[SYS_mem_map] = sys_mem_map,
	[SYS_mem_unmap] = sys_mem_unmap,
	[SYS_yield] = sys_yield,
	[SYS_sleep] = sys_sleep,
	[SYS_task_id] = sys_task_id,
	[SYS_thread_id] = sys_thread_id,
	[SYS_set_tls] = sys_set_tls,
	[SYS_port_create] = sys_port_create,
	[SYS_port_destroy] = sys_port_destroy,
	[SYS_port_mint] = sys_port_mint,
	[SYS_handle_close] = sys_handle_close,
	[SYS_ns_register] = sys_ns_register,
	[SYS_ns_lookup] = sys_ns_lookup,
};

void syscall_dispatch(struct trap_frame *f)
{
	uint64_t n = syscall_number(f);

	if (n >= SYS_COUNT || !syscalls[n]) {
		syscall_set_result(f, -ENOSYS);
		return;
	}
	syscall_set_result(f, syscalls[n](syscall_args(f)));
}

long sys_console_write(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];

	if (!user_range_ok(buf, len, false))
		return -EFAULT;
	console_write((const char *)buf, len);
	return len;
}

/* Polled: returns what the serial port has now, 0 when nothing is waiting. */
long sys_console_read(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1], n = 0;
	int c;

	if (!user_range_ok(buf, len, true))
		return -EFAULT;
	while (n < len && (c = serial_getc_nonblock()) >= 0)
		((char *)buf)[n++] = (char)c;
	return n;
}

long sys_exit(const uint64_t arg[6])
{
	task_end(current->task, (int)arg[0], false);
	return 0;
}

long sys_yield(const uint64_t arg[6])
{
	(void)arg;
	sched_yield();
	return 0;
}

long sys_sleep(const uint64_t arg[6])
{
	uint64_t ns = arg[0], ns_per_tick = 1000000000ull / TIMER_HZ;

	/* One more tick: the current one is already partly over. */
	uint64_t ticks = ns / ns_per_tick + (ns % ns_per_tick != 0) + 1;

	/* Keep wake_tick from wrapping: this is still centuries. */
	sched_sleep(ticks < SLEEP_TICKS_MAX ? ticks : SLEEP_TICKS_MAX);
	return 0;
}

long sys_task_id(const uint64_t arg[6])
{
	(void)arg;
	return current->task->id;
}

long sys_thread_id(const uint64_t arg[6])
{
	(void)arg;
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
