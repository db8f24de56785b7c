/*
 * The user half of every task's address space: every fixed user address
 * the kernel uses, in one place.  The kernel half (and USER_TOP, where
 * the CPU splits the halves) is in arch/layout.h.
 *
 * Shared by C, the vDSO's linker script (vdso/vdso.lds, preprocessed by
 * mk/vdso.mk) and scripts: each address is one plain `#define NAME 0x...`
 * line, so sed or awk can read it.  Hence no casts and no U/L suffixes.
 *
 * Placement is randomized per task (placement.c) unless the kernel
 * command line says aslr=off; then every region sits at the fixed address
 * below, as the picture shows.  Randomized, each region moves by a whole
 * number of pages drawn from the kernel's generator, inside its window:
 *
 *   region            fixed (aslr=off)     randomized                     bits
 *   stack top         USER_STACK_TOP       down by < USER_STACK_RANDOM      18
 *   vDSO image        VDSO_BASE            VDSO_RANDOM_LOW
 *                                          + < VDSO_RANDOM_SPAN             18
 *   vDSO data page    VDSO_DATA_PAGE       one page below the image (moves with it)
 *   UTCB area         UTCB_AREA            up by < UTCB_RANDOM              18
 *   static-PIE base   USER_PIE_BASE        up by < USER_PIE_RANDOM          28
 *   ET_EXEC image     where linked         where linked                      0
 *
 * The windows never overlap: the lowest largest stack's guard page lies
 * above the highest vDSO's end (VDSO_SIZE_MAX), the highest UTCB area ends
 * below the lowest data page, and the PIE window lies among the images.
 *
 *   USER_TOP         0x0000800000000000 +---------------------------+
 *                                       | (unmapped)                |
 *   USER_STACK_TOP   0x00007ffff0000000 +---------------------------+
 *                                       | main thread's stack, down:|
 *                                       | USER_STACK_SIZE (8 MiB),  |
 *                                       | or PT_GNU_STACK's size up |
 *                                       | to USER_STACK_MAX (1 GiB),|
 *                                       | backed on first touch     |
 *                                       +- - - - - - - - - - - - - -+
 *                                       | (unmapped: guard page)    |
 *                                       +---------------------------+
 *                                       | (unmapped)                |
 *                                       | vDSO image (r-x), pages   |
 *   VDSO_BASE        0x00007fffaf000000 +---------------------------+
 *                                       | vDSO data page (r--)      |
 *   VDSO_DATA_PAGE   0x00007fffaefff000 +---------------------------+
 *                                       | (unmapped; randomized:    |
 *                                       |  stack top down to        |
 *                                       |  0x7fffb0001000, its      |
 *                                       |  largest guard above      |
 *                                       |  0x7fff6ffff000; vDSO in  |
 *   VDSO_RANDOM_LOW  0x00007ffe6f000000 |  [0x7ffe6f000000,         |
 *                                       |   0x7ffeaefff000])        |
 *                                       +---------------------------+
 *                                       | UTCBs: page n for slot n, |
 *                                       | up to TASK_THREADS_MAX    |
 *                                       | (1 GiB of slots)          |
 *   UTCB_AREA        0x00007ffd00000000 +---------------------------+
 *                                       | (unmapped)                |
 *   USER_ANON_TOP    0x0000700000000000 +---------------------------+
 *                                       | anonymous memory          |
 *                                       | (rb_mem_map), grows up    |
 *   USER_ANON_BASE   0x0000100000000000 +---------------------------+
 *   = USER_IMAGE_TOP                    | loaded images:            |
 *                                       | ET_EXEC where linked      |
 *                                       | (USER_APP_BASE), ET_DYN   |
 *   USER_PIE_BASE    0x0000004000000000 |   at USER_PIE_BASE (+ up  |
 *                                       |   to 1 TiB randomized)    |
 *   USER_IMAGE_LOW   0x0000000000010000 +---------------------------+
 *                                       | (never mapped: null)      |
 *                    0x0000000000000000 +---------------------------+
 */
#ifndef USER_LAYOUT_H
#define USER_LAYOUT_H

#include <rainbow/page.h>

/* The page size user space sees (AT_PAGESZ) and every user mapping uses. */
#define USER_PAGE_SIZE   RB_PAGE_SIZE

/*
 * The main thread's stack, reserved by the loader and backed on first
 * touch: its end, its default size (8 MiB, as Linux gives), and the
 * largest a program may ask for through PT_GNU_STACK (1 GiB); a guard
 * page lies below it.
 */
#define USER_STACK_TOP   0x00007ffff0000000
#define USER_STACK_SIZE  RB_MAIN_STACK_SIZE   /* <rainbow/page.h>: the runtime reads it too */
#define USER_STACK_MAX   0x40000000
/*
 * Of it, the top 128 KiB are committed (charged when the task starts), so
 * that a program using no more stack than that never dies for lack of
 * memory, however much it mapped; the rest is charged as it is touched.
 */
#define USER_STACK_COMMIT 0x20000
/* Randomized, the top is lowered by a page multiple below this (2^18 pages). */
#define USER_STACK_RANDOM 0x40000000

/* The vDSO image (AT_SYSINFO_EHDR), and its data page one page below. */
#define VDSO_BASE        0x00007fffaf000000
#define VDSO_DATA_PAGE   0x00007fffaefff000
/* Randomized, the image starts in [VDSO_RANDOM_LOW, + VDSO_RANDOM_SPAN) (2^18 pages). */
#define VDSO_RANDOM_LOW  0x00007ffe6f000000
#define VDSO_RANDOM_SPAN 0x40000000
/* The largest image the windows leave room for (vdso_map.c checks it). */
#define VDSO_SIZE_MAX    0x800000

/* Each thread's UTCB: page n of this area for UTCB slot n (utcb.c). */
#define UTCB_AREA        0x00007ffd00000000
/* Randomized, the area is raised by a page multiple below this (2^18 pages). */
#define UTCB_RANDOM      0x40000000

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
/* Randomized, the PIE base is raised by a page multiple below this (2^28 pages). */
#define USER_PIE_RANDOM  0x0000010000000000

#endif
