#ifndef ARCH_FAULT_H
#define ARCH_FAULT_H

#include "arch/interrupt.h"

/*
 * A user-mode exception: a page fault on a reserved page is served (its
 * frame given, and the access retried on return); anything else goes to
 * fault_kill_current.
 */
void fault_user(const struct trap_frame *f);
/* Report a user-mode exception and end the task; does not return. */
void fault_kill_current(const struct trap_frame *f);

/*
 * Report a kernel entry that did not come from the vDSO's own site for
 * it (vdso_traps.h): what ("system call", "IPC operation"), its number
 * and the offending instruction's user address, symbolized; then end the
 * task.  The address comes as offset, its distance from the current
 * task's vDSO base (modulo 2^64), which the entry checks have at hand:
 * adding the base back here keeps the checks from holding the address.
 */
void fault_kill_stray_entry(const char *what, uint64_t number, uint64_t offset);

#endif
