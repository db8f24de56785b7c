#ifndef USERMEM_H
#define USERMEM_H

/* The range rb_mem_map hands out, above every loaded image. */
#define USER_ANON_BASE 0x0000100000000000ul
#define USER_ANON_TOP  0x0000700000000000ul
/* At most this much anonymous memory per task (64 MiB). */
#define USER_ANON_QUOTA_PAGES (64 * 256)
/* Pages the kernel keeps for page tables and thread control blocks. */
#define KERNEL_RESERVE_PAGES 1024

#endif
