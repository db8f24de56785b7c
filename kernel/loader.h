#ifndef LOADER_H
#define LOADER_H

#include <stddef.h>

/*
 * Load module number index, image[0..size), as a new task.  string is
 * GRUB's module string, "[NAME=value ...] name args..." (cmdline.h).  A
 * module that cannot run is refused with one log line naming it (its
 * name, or "moduleN" without one) and the reason; the rest of the bundle
 * goes on.
 */
void loader_start_module(const void *image, size_t size, const char *string, unsigned index);

#endif
