#ifndef ARCH_SYSCALL_ARCH_H
#define ARCH_SYSCALL_ARCH_H

/*
 * Enable SYSCALL/SYSRET for IPC, on this CPU: its entry takes the kernel
 * lock or not, as klock_shared says now (so the boot CPU calls it again
 * once it has found other CPUs).
 */
void syscall_arch_init(void);

#endif
