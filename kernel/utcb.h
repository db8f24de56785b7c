#ifndef UTCB_H
#define UTCB_H

#include <stdbool.h>

struct thread;

/*
 * Every user thread gets a UTCB: one page the kernel places in the task's
 * UTCB_AREA (user_layout.h; user code cannot move or unmap it) and points
 * the GS base at.
 */
bool utcb_attach(struct thread *t);
void utcb_detach(struct thread *t);

#endif
