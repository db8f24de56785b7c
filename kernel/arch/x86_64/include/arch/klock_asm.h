/*
 * The kernel lock (klock.h) on the way back to user mode (entry.S's
 * trap_return, syscall_entry.S's ipc_return): given back before a return restores the registers,
 * when it is shared (more than one CPU: klock_shared); otherwise a compare
 * and a jump.  The call may change the registers C may change, which the
 * return restores anyway.  The entries take it (smp_kernel_enter, smp.h)
 * after saving the registers, in their variants for several CPUs, which
 * idt_init and syscall_arch_init choose: with one CPU no entry tests it
 * (nor int $0x80's return, which comes in the same two variants).
 */
#ifndef ARCH_KLOCK_ASM_H
#define ARCH_KLOCK_ASM_H

#ifdef __ASSEMBLER__
.macro KLOCK_GIVE_SHARED
	cmpl $1, cpu_count(%rip)
	je .Lklock_give_skip\@
	call klock_give
.Lklock_give_skip\@:
.endm
#endif

#endif
