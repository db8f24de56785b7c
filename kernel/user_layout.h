/*
 * The user half of every task's address space: every fixed user address
 * the kernel uses, in one place.  The kernel half (and USER_TOP, where
 * the CPU splits the halves) is in arch/layout.h.
 *
 * Shared by C, the vDSO's linker script (vdso/vdso.lds, preprocessed by
 * mk/vdso.mk) and scripts: each address is one plain `#define NAME 0x...`
 * line, so sed or awk can read it.  Hence no casts and no U/L suffixes.
 *
 *   USER_TOP         0x0000800000000000 +---------------------------+
 *                                       | (unmapped)                |
 *   USER_STACK_TOP   0x00007ffff0000000 +---------------------------+
 *                                       | main thread's stack, down |
 *                                       | USER_STACK_SIZE (128 KiB) |
 *                                       +- - - - - - - - - - - - - -+
 *                                       | (unmapped: guard)         |
 *                                       +---------------------------+
 *                                       | vDSO image (r-x), pages   |
 *   VDSO_BASE        0x00007fffef000000 +---------------------------+
 *                                       | vDSO data page (r--)      |
 *   VDSO_DATA_PAGE   0x00007fffeefff000 +---------------------------+
 *                                       | (unmapped)                |
 *                                       +---------------------------+
 *                                       | UTCBs: page n for slot n  |
 *   UTCB_AREA        0x00007ffe00000000 +---------------------------+
 *                                       | (unmapped)                |
 *   USER_ANON_TOP    0x0000700000000000 +---------------------------+
 *                                       | anonymous memory          |
 *                                       | (rb_mem_map), grows up    |
 *   USER_ANON_BASE   0x0000100000000000 +---------------------------+
 *   = USER_IMAGE_TOP                    | loaded images:            |
 *                                       | ET_EXEC where linked      |
 *                                       | (USER_APP_BASE), ET_DYN   |
 *   USER_PIE_BASE    0x0000004000000000 |   at USER_PIE_BASE        |
 *   USER_IMAGE_LOW   0x0000000000010000 +---------------------------+
 *                                       | (never mapped: null)      |
 *                    0x0000000000000000 +---------------------------+
 */
#ifndef USER_LAYOUT_H
#define USER_LAYOUT_H

#include <rainbow/page.h>

/* The page size user space sees (AT_PAGESZ) and every user mapping uses. */
#define USER_PAGE_SIZE   RB_PAGE_SIZE

/* The main thread's stack, created by the loader: its end and its size. */
#define USER_STACK_TOP   0x00007ffff0000000
#define USER_STACK_SIZE  0x20000

/* The vDSO image (AT_SYSINFO_EHDR), and its data page one page below. */
#define VDSO_BASE        0x00007fffef000000
#define VDSO_DATA_PAGE   0x00007fffeefff000

/* Each thread's UTCB: page n of this area for UTCB slot n (utcb.c). */
#define UTCB_AREA        0x00007ffe00000000

/* The range rb_mem_map hands out, above every loaded image. */
#define USER_ANON_BASE   0x0000100000000000
#define USER_ANON_TOP    0x0000700000000000

/* Where the SDK's linker script (crt/rainbow.ld) links an ET_EXEC app. */
#define USER_APP_BASE    0x0000000000400000

/* Loaded images live in [USER_IMAGE_LOW, USER_IMAGE_TOP). */
#define USER_IMAGE_LOW   0x0000000000010000
#define USER_IMAGE_TOP   0x0000100000000000
/* Where a position-independent executable (ET_DYN) is placed. */
#define USER_PIE_BASE    0x0000004000000000

#endif
