/*
 * The page size of user memory, in bytes: what rb_mem_map() rounds to,
 * AT_PAGESZ and sysconf(_SC_PAGESIZE); the main stack's size.  Plain #defines only: the kernel's
 * user address map (kernel/user_layout.h) and linker scripts include it.
 */
#ifndef RAINBOW_PAGE_H
#define RAINBOW_PAGE_H

#define RB_PAGE_SIZE 0x1000

/*
 * The main thread's stack, in bytes: this (8 MiB, as Linux gives), or
 * PT_GNU_STACK's p_memsz rounded up to a page when that is larger
 * (kernel/loader.c); getrlimit(RLIMIT_STACK) reads the same.
 */
#define RB_MAIN_STACK_SIZE 0x800000

#endif
