#ifndef ARCH_REPORT_H
#define ARCH_REPORT_H

#include "arch/interrupt.h"

void report_registers(const struct trap_frame *f);
/* "page fault (vector 14), error code ..., cr2 ..." */
void report_exception_line(const struct trap_frame *f);

#endif
