/* Point the SYSCALL instruction at syscall_entry.S. */
#include "arch/syscall_arch.h"
#include "arch/cpu.h"
#include "arch/gdt.h"
#include "klock.h"

extern char syscall_entry[], syscall_entry_shared[];

void syscall_arch_init(void)
{
	/* Kernel CS (and SS after it) in 47:32; user base for SYSRET in 63:48. */
	wrmsr(MSR_STAR, ((uint64_t)SEL_USER_BASE << 48) | ((uint64_t)SEL_KERNEL_CODE << 32));
	/* The entry that takes the kernel lock when CPUs share it, else the one without any test. */
	wrmsr(MSR_LSTAR, (uint64_t)(klock_shared() ? syscall_entry_shared : syscall_entry));
	/*
	 * Enter with interrupts off, like every other way into the kernel,
	 * and with the flags an interrupt gate also clears: a user's NT kept
	 * in the kernel would make the next iretq, of any thread this CPU
	 * switches to, a general protection fault (tests/guest/rflags).
	 */
	wrmsr(MSR_SFMASK, RFLAGS_IF | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC | RFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}
