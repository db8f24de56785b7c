#ifndef VDSO_TRAPS_H
#define VDSO_TRAPS_H

#include <stdint.h>

/*
 * Where the vDSO enters the kernel (vdso_traps.c).  The vDSO records the
 * one trap instruction of each call in its section .rb_trap_sites
 * (vdso/trap.h), and the one IPC entry instruction of each IPC operation
 * in .rb_ipc_sites (vdso/ipc.c); the kernel accepts a call or an
 * operation only from its own site, as Zircon does, so app code cannot
 * make a system call of its own.
 */

/*
 * vdso_trap_return[n]: the offset in the vDSO image of the byte right
 * after call n's trap instruction (the trap frame's resume address minus
 * the task's vdso_base must equal it), 0 for a number no call has.
 * Indexed like syscall.c's table: both are sized by the RB_TRAP lines of
 * calls.def.  An offset, not an address: each task has its own base.
 */
extern uint64_t vdso_trap_return[];

/* vdso_ipc_return[op]: the same offset for the IPC entry (SYSCALL) of each IPC_OP_* (vdso/ipc_abi.h). */
extern uint64_t vdso_ipc_return[];

/* Read the sites from the vDSO image; once at boot.  Panics when the image has none or a malformed one. */
void vdso_traps_init(void);

#endif
