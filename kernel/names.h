#ifndef NAMES_H
#define NAMES_H

#include "handle.h"

/* The longest name the registry holds, in bytes without the final NUL. */
#define NAMES_NAME_MAX 31

struct task;

/*
 * Registers a handle's worth (port, generation, badge) under name for task
 * t, with send rights only, O(1) expected; the entry is charged to t's
 * memory and dies with the port or with t.  Returns 0, -EEXIST if an
 * entry has that name, -EAGAIN at t's memory limit, -ENOMEM when the
 * machine is short (names.c).
 */
long names_add(struct task *t, const char *name, const struct handle *h);

/* The live entry registered under name, or NULL; O(1) expected (names.c). */
const struct handle *names_find(const char *name);

/* Port p is destroyed: the entries naming it go; time in their number. */
void names_port_destroyed(struct port *p);
/* Task t ends: its entries go; time in their number (names.c). */
void names_task_ending(struct task *t);

#endif
