#ifndef LOADER_H
#define LOADER_H

#include <stdint.h>
#include <stddef.h>

/* Where the main thread's stack ends, and how big it is. */
#define USER_STACK_TOP   0x00007ffff0000000ul
#define USER_STACK_SIZE  (128 * 1024)
/* Loaded images live below this; anonymous memory starts here. */
#define USER_IMAGE_TOP   0x0000100000000000ul
#define USER_IMAGE_LOW   0x0000000000010000ul
/* Where a position-independent executable is placed. */
#define USER_PIE_BASE    0x0000004000000000ul

/*
 * Load the module image[0..size) as a new task.  cmdline is GRUB's module
 * string ("name args...").  A module that cannot run is refused with one
 * log line naming it and the reason; the rest of the bundle goes on.
 */
void loader_start_module(const void *image, size_t size, const char *cmdline);

#endif
