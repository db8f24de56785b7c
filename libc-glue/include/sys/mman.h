/*
 * <sys/mman.h>: memory mappings (POSIX), as far as Rainbow has them:
 * anonymous private mappings, private copies of files (libc-glue/mmap_file.c),
 * their removal and their rights, over rb_mem_map, rb_mem_unmap and
 * rb_mem_protect (libc-glue/mman.c, docs/runtime.md).  msync, mlock and
 * shared file mappings do not exist yet, so they are not declared.
 * picolibc has no such header; this one is Rainbow's.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE  0
#define PROT_READ  1
#define PROT_WRITE 2
#define PROT_EXEC  4

#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON      MAP_ANONYMOUS

#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

#endif
