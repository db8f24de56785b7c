/*
 * Private syscall numbers, shared by the kernel and the vDSO only: SYS_name
 * for every RB_TRAP line of calls.def, which assigns them.
 *
 * Apps never see these: they call the vDSO's named entry points, which the
 * crt resolves at startup.  Renumbering needs no app rebuild.
 *
 * Convention (interrupt path, vector RB_SYSCALL_VECTOR):
 *   rax = number; arguments in rdi, rsi, rdx, r10, r8, r9;
 *   result in rax: >= 0 success, -errno on failure (errno values are
 *   picolibc's <errno.h>).  Every other register is preserved.
 * The SYSCALL instruction is reserved for IPC (see ipc_abi.h).
 */
#ifndef RAINBOW_SYSNO_H
#define RAINBOW_SYSNO_H

#define RB_SYSCALL_VECTOR 0x80

enum rb_sysno {
#define RB_TRAP(number, name, function) SYS_##name = number,
#include "calls.def"
};

#endif
