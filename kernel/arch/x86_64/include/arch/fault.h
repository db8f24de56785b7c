#ifndef ARCH_FAULT_H
#define ARCH_FAULT_H

#include "arch/interrupt.h"

/* Report a user-mode exception and end the task; does not return. */
void fault_kill_current(const struct trap_frame *f);

#endif
