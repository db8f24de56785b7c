#ifndef PHYS_H
#define PHYS_H

#include <stdint.h>

/*
 * Physical memory is reached through the direct map.  The offset is a
 * variable so host tests can point it at an ordinary buffer.
 */
extern uintptr_t direct_map_offset;

static inline void *phys_to_virt(uint64_t phys)
{
	return (void *)(uintptr_t)(phys + direct_map_offset);
}

static inline uint64_t virt_to_phys(const void *virt)
{
	return (uintptr_t)virt - direct_map_offset;
}

#endif
