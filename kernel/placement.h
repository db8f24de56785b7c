#ifndef PLACEMENT_H
#define PLACEMENT_H

#include <stdbool.h>
#include <stdint.h>

struct task;

/*
 * Where a task's regions go (placement.c): the vDSO with its data page,
 * the main stack, the UTCB area and a static PIE's base, drawn per task
 * inside the windows of user_layout.h, or the fixed addresses there when
 * the kernel command line holds the word aslr=off.
 */

/* Read the switch from the kernel command line and log the choice; once at boot, before any task. */
void placement_init(const char *cmdline);

/* Set t's vdso_base, stack_top and utcb_area (byte addresses, page-aligned); cannot fail. */
void placement_choose(struct task *t);

/* The load bias of a static PIE: a page-aligned byte address; cannot fail. */
uint64_t placement_pie_base(void);

#endif
