#ifndef UTCB_H
#define UTCB_H

#include <stdbool.h>

struct thread;

/*
 * Every user thread gets a UTCB: one page the kernel places in the task's
 * UTCB area (utcb_area, drawn by placement.c in the window above
 * UTCB_AREA of user_layout.h; user code cannot move or unmap it) and makes
 * the thread's UTCB base, which rb_utcb() reads (the arch loads it on
 * every switch).  False when the task has no free slot or no memory.
 */
bool utcb_attach(struct thread *t);
void utcb_detach(struct thread *t);

#endif
