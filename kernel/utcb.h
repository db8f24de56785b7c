#ifndef UTCB_H
#define UTCB_H

#include <stdbool.h>

struct thread;

/*
 * Every user thread gets a UTCB: one page the kernel places in the task
 * (user code cannot move or unmap it) and points the GS base at.
 */
#define UTCB_AREA 0x00007ffe00000000ul

bool utcb_attach(struct thread *t);
void utcb_detach(struct thread *t);

#endif
