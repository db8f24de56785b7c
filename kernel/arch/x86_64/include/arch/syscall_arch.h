#ifndef ARCH_SYSCALL_ARCH_H
#define ARCH_SYSCALL_ARCH_H

/* Enable SYSCALL/SYSRET for IPC. */
void syscall_arch_init(void);

#endif
