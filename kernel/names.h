#ifndef NAMES_H
#define NAMES_H

#include "handle.h"

/* The longest name the registry holds, in bytes without the final NUL. */
#define NAMES_NAME_MAX 31

/*
 * Registers a handle's worth (port, generation, badge) under name, with
 * send rights only; the entry dies with the port.  Returns 0, -EEXIST if a
 * live entry has that name, or -ENOSPC if the registry is full (names.c).
 */
long names_add(const char *name, const struct handle *h);

/* The live entry registered under name, or NULL (names.c). */
const struct handle *names_find(const char *name);

#endif
