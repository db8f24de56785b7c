#ifndef USERMEM_H
#define USERMEM_H

#include "user_layout.h"

/*
 * rb_mem_map hands out USER_ANON_BASE..USER_ANON_TOP (user_layout.h), at
 * most this much per task (64 MiB).
 */
#define USER_ANON_QUOTA_PAGES ((64 << 20) / USER_PAGE_SIZE)
/* Pages the kernel keeps for page tables and thread control blocks. */
#define KERNEL_RESERVE_PAGES 1024

#endif
