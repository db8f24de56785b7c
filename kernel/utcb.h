#ifndef UTCB_H
#define UTCB_H

struct thread;

/*
 * Every user thread gets a UTCB: one page the kernel places in the task's
 * UTCB area (utcb_area, drawn by placement.c in the window above
 * UTCB_AREA of user_layout.h; user code cannot move or unmap it) and makes
 * the thread's UTCB base, which rb_utcb() reads (the arch loads it on
 * every switch).  The slot comes from the task's utcb_slots (an id table,
 * O(1)); the page and its page tables are charged to the task.  Returns 0,
 * -EAGAIN at the task's memory limit or TASK_THREADS_MAX, -ENOMEM when the
 * machine is short.
 */
long utcb_attach(struct thread *t);
void utcb_detach(struct thread *t);

#endif
