/*
 * The interrupt-path system calls (SYSCALL is IPC's, see ipc.c): the table
 * from the private numbers of vdso/sysno.h to handlers, generated from the
 * list of calls (vdso/calls.def), and the dispatcher.  A call is accepted
 * only from the vDSO's own trap instruction for its number (vdso_traps.h);
 * anything else, an unknown number too, kills the task with a report.
 *
 * The handlers live in <subsystem>_sys.c beside the subsystem they drive
 * (console_sys.c, task_sys.c, thread_sys.c, sched_sys.c, usermem_sys.c,
 * port_sys.c, names_sys.c, futex_sys.c, random_sys.c, cputime_sys.c,
 * process_sys.c), and
 * each follows one rule, decode then invoke:
 *   1. its first line names its arguments, arg[0..5] as typed locals, or
 *      says that it takes none;
 *   2. then every check, each returning a negative errno, before anything
 *      changes;
 *   3. then the change: calls into its subsystem, and the result (a value
 *      >= 0 or a negative errno).
 */
#include "syscall_handlers.h"
#include "vdso_traps.h"
#include "tcb.h"
#include "sched.h"
#include "arch/interrupt.h"
#include "arch/fault.h"

/* Indexed by number: every RB_TRAP line of calls.def, gaps left NULL. */
static const syscall_fn syscalls[] = {
#define RB_TRAP(number, name, function) [number] = sys_##name,
#include "calls.def"
};

#define SYSCALL_COUNT (sizeof syscalls / sizeof syscalls[0])

void syscall_dispatch(struct trap_frame *f)
{
	uint64_t n = syscall_number(f);
	/* An offset from the task's vDSO, which the report takes too: two instructions more than an address. */
	uint64_t offset = syscall_resume_address(f) - current->vdso_base;

	if (n >= SYSCALL_COUNT || offset != vdso_trap_return[n])
		fault_kill_stray_entry("system call", n, offset - SYSCALL_TRAP_BYTES);
	else
		syscall_set_result(f, syscalls[n](syscall_args(f)));
	sched_before_user_return();
}
