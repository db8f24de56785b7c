/*
 * The kernel half of the virtual layout, and where the user half ends;
 * shared by C, assembly and the linker script.  The user half is in
 * kernel/user_layout.h.  PAGE_SIZE is the kernel's page: pmm frames,
 * vm mappings, a thread's control block and stack.
 */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

#define KERNEL_VMA        0xffffffff80000000   /* -2 GiB: kernel code model */
#define KERNEL_LOAD_PHYS  0x100000             /* GRUB loads us at 1 MiB */
#define DIRECT_MAP_BASE   0xffff800000000000   /* all physical memory */
#define DEVICE_MAP_BASE   0xffffffff7fe00000   /* devices' registers, 2 MiB below the kernel */
#define USER_TOP          0x0000800000000000   /* first non-user address */
#define PAGE_SIZE         4096

#endif
