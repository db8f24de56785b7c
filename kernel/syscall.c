/*
 * The interrupt-path system calls (SYSCALL is IPC's, see ipc.c): one table
 * from the private numbers of vdso/sysno.h to handlers.  Each handler
 * checks all its arguments before it changes anything, and returns a
 * negative errno on bad input.  Small handlers live here; the rest with
 * the module they belong to.
 */
#include "syscall.h"
#include "trap.h"
#include "thread.h"
#include "task.h"
#include "sched.h"
#include "uaccess.h"
#include "log.h"
#include "serial.h"
#include "timer.h"
#include "layout.h"
#include "thread_arch.h"
#include <errno.h>

#define SLEEP_TICKS_MAX (1ull << 48)

/* Indexed by number: every RB_TRAP line of calls.def, gaps left NULL. */
static const syscall_fn syscalls[] = {
#define RB_TRAP(number, name, function) [number] = sys_##name,
#include "calls.def"
};

#define SYSCALL_COUNT (sizeof syscalls / sizeof syscalls[0])

void syscall_dispatch(struct trap_frame *f)
{
	if (f->rax >= SYSCALL_COUNT || !syscalls[f->rax]) {
		f->rax = -ENOSYS;
		return;
	}
	f->rax = syscalls[f->rax](&f->rdi);	/* rdi..r9 lie in argument order */
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

/* The FS base is loaded on every switch to this thread (thread_arch.c). */
long sys_set_tls(const uint64_t arg[6])
{
	uint64_t base = arg[0];

	if (base >= USER_TOP)
		return -EINVAL;
	current->fs_base = base;
	thread_load_tls(current);
	return 0;
}
