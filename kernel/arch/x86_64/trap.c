/*
 * Where every interrupt and exception lands after entry.S (int $0x80 goes
 * to syscall_dispatch directly), and takes the kernel lock (trap_return
 * gives it back).  Kernel exceptions are bugs and end in a
 * panic report; user exceptions fault in a reserved page or kill the
 * faulting task; IRQs go to their handlers.
 */
#include "arch/interrupt.h"
#include "arch/cpu.h"
#include "arch/irq.h"
#include "panic.h"
#include "arch/fault.h"
#include "sched.h"
#include "klock.h"
#include "smp.h"

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available",
	"double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack-segment fault", "general protection fault",
	"page fault", "reserved (15)", "x87 floating-point error",
	"alignment check", "machine check", "SIMD floating-point error",
	"virtualization exception", "control protection exception",
	"reserved (22)", "reserved (23)", "reserved (24)", "reserved (25)",
	"reserved (26)", "reserved (27)", "hypervisor injection",
	"VMM communication", "security exception", "reserved (31)",
};

const char *trap_name(uint64_t vector)
{
	if (vector < 32)
		return exception_names[vector];
	if (vector == VEC_SYSCALL)
		return "system call";
	return "interrupt";
}

void trap_dispatch(struct trap_frame *f)
{
	uint64_t vector = f->vector;	/* read once: klock_take's call would reload it */
	bool irq = vector >= VEC_IRQ_BASE;

	if (!irq && !trap_from_user(f))
		panic_trap(f);		/* a kernel bug, reported first: the lock may be this CPU's */
	/*
	 * With one CPU the lock is the boot CPU's for good (every give is
	 * under klock_shared too), so there is nothing to take or check.
	 */
	if (klock_shared()) {
		klock_take();
		KASSERT(klock_mine());
		if (!irq)
			smp_leave_if_dead();	/* an exception has nothing to acknowledge */
	}
	if (vector >= VEC_LAPIC_TIMER)
		irq_dispatch_local(vector);
	else if (irq)
		irq_dispatch(vector - VEC_IRQ_BASE);
	else
		fault_user(f);

	if (trap_from_user(f)) {
		if (irq && klock_shared())
			smp_leave_if_dead();	/* after the handler's acknowledgement */
		sched_before_user_return();
	}
}
