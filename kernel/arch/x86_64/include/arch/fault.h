#ifndef ARCH_FAULT_H
#define ARCH_FAULT_H

#include "arch/interrupt.h"

/* Report a user-mode exception and end the task; does not return. */
void fault_kill_current(const struct trap_frame *f);

/*
 * Report a system call that did not come from the vDSO's own trap site
 * for its number (vdso_traps.h), naming the offending address, and end
 * the task.
 */
void fault_kill_stray_syscall(const struct trap_frame *f);

#endif
