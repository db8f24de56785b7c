/*
 * The kernel lock (klock.h) in the entry code (entry.S, syscall_entry.S):
 * taken (smp_kernel_enter, smp.h) after an entry has saved the registers, given back before a
 * return restores them, when it is shared (more than one CPU: klock_shared);
 * otherwise a compare and a jump.  Each call may change the registers C
 * may change, which the entry has saved or the return restores anyway.
 */
#ifndef ARCH_KLOCK_ASM_H
#define ARCH_KLOCK_ASM_H

#ifdef __ASSEMBLER__
.macro KLOCK_TAKE_SHARED
	cmpl $1, cpu_count(%rip)
	je .Lklock_take_skip\@
	call smp_kernel_enter
.Lklock_take_skip\@:
.endm

.macro KLOCK_GIVE_SHARED
	cmpl $1, cpu_count(%rip)
	je .Lklock_give_skip\@
	call klock_give
.Lklock_give_skip\@:
.endm
#endif

#endif
