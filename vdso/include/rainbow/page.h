/*
 * The page size of user memory, in bytes: what rb_mem_map() rounds to,
 * AT_PAGESZ and sysconf(_SC_PAGESIZE).  Plain #defines only: the kernel's
 * user address map (kernel/user_layout.h) and linker scripts include it.
 */
#ifndef RAINBOW_PAGE_H
#define RAINBOW_PAGE_H

#define RB_PAGE_SIZE 0x1000

#endif
