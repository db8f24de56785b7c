/* File-backed mappings (mmap_file.c).  Not installed. */
#ifndef RAINBOW_MMAP_FILE_H
#define RAINBOW_MMAP_FILE_H

#include <stddef.h>
#include <sys/types.h>

/* mmap() of fd, after mman.c checked the arguments: the mapping, or MAP_FAILED with errno. */
void *__rb_mmap_file(void *addr, size_t len, int prot, int flags, int fd, off_t off);

#endif
