#ifndef NAMES_H
#define NAMES_H

#include "handle.h"

/* The longest name the registry holds, in bytes without the final NUL. */
#define NAMES_NAME_MAX 31

/* Names a task may have registered at once (docs/limits.md). */
#define TASK_NAMES_MAX 8

struct task;

/*
 * Registers a handle's worth (port, generation, badge) under name for task
 * t, with send rights only; the entry dies with the port or with t.
 * Returns 0, -EEXIST if a live entry has that name, or -EAGAIN if t has
 * TASK_NAMES_MAX live entries already (names.c).
 */
long names_add(struct task *t, const char *name, const struct handle *h);

/* The live entry registered under name, or NULL (names.c). */
const struct handle *names_find(const char *name);

/* Task t ends: its entries go (names.c). */
void names_task_ending(struct task *t);

#endif
