/*
 * x86-64's address space tags (kernel/space_tag.h): PCIDs, the 12 bits
 * CR3[11:0] when CR4.PCIDE is set, so 4096 of them (Intel SDM vol. 3A,
 * 4.10.1).  arch/pcid.h turns them on and loads them.
 */
#ifndef ARCH_SPACE_TAG_ARCH_H
#define ARCH_SPACE_TAG_ARCH_H

#define ARCH_SPACE_TAGS 4096

#endif
