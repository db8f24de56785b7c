/*
 * The CPU's own protections of the kernel against user space (protect.c):
 * SMEP (the kernel never executes a user page), SMAP (the kernel reads or
 * writes a user page only inside the user-copy routines) and UMIP (user
 * mode cannot read the descriptor-table registers with sidt, sgdt, sldt,
 * str or smsw).  Each is on when CPUID offers it; QEMU's default CPU
 * offers none, -cpu max all three.
 */
#ifndef ARCH_PROTECT_H
#define ARCH_PROTECT_H

#include <stdbool.h>

/* True once protect_init turned SMAP on; read by the user-access inlines and idt_init. */
extern bool protect_smap;

/*
 * Turn on every protection the CPU offers and log one line naming each as
 * on or absent.  Called once at boot, before idt_init (which picks the
 * entry stubs that clear the access flag when SMAP is on).
 */
void protect_init(void);

#endif
