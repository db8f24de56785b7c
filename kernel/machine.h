#ifndef MACHINE_H
#define MACHINE_H

#include <stdbool.h>

/* Power QEMU off; its exit status tells success from failure. */
_Noreturn void machine_exit(bool success);

#endif
