#ifndef LOADER_H
#define LOADER_H

#include <stddef.h>

/*
 * Load the module image[0..size) as a new task.  cmdline is GRUB's module
 * string ("name args...").  A module that cannot run is refused with one
 * log line naming it and the reason; the rest of the bundle goes on.
 */
void loader_start_module(const void *image, size_t size, const char *cmdline);

#endif
