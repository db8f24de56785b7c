/*
 * The interrupt-path system calls: the handlers' type and their prototypes,
 * one per RB_TRAP line of vdso/calls.def, and the dispatcher (syscall.c).
 */
#ifndef SYSCALL_HANDLERS_H
#define SYSCALL_HANDLERS_H

#include <stdint.h>

struct trap_frame;

/*
 * The interrupt path, from entry.S: number, arguments and result as
 * arch/interrupt.h places them; then, on the way back to user mode, a
 * switch if one is due.
 */
void syscall_dispatch(struct trap_frame *f);

/*
 * Handlers get the six arguments as arg[0..5] and return a value or
 * -errno; they live in <subsystem>_sys.c and follow the rule at the top of
 * syscall.c.
 */
typedef long (*syscall_fn)(const uint64_t arg[6]);

/* sys_name for every RB_TRAP(number, name, function) line of calls.def. */
#define RB_TRAP(number, name, function) long sys_##name(const uint64_t arg[6]);
#include "calls.def"

#endif
