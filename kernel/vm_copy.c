/*
 * Writing into an address space that is not the current one (building a
 * new task), through the direct map of the frames behind it.
 */
#include "vm.h"
#include "phys.h"
#include "pmm.h"
#include "arch/layout.h"
#include "arch/clear_page.h"
#include <string.h>

bool vm_write(uint64_t space, uint64_t va, const void *src, size_t len)
{
	while (len) {
		uint64_t phys;
		unsigned flags;
		size_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
		if (chunk > len)
			chunk = len;
		if (!vm_lookup(space, va & ~(uint64_t)(PAGE_SIZE - 1), &phys, &flags))
			return false;
		memcpy((char *)phys_to_virt(phys) + (va & (PAGE_SIZE - 1)), src, chunk);
		va += chunk;
		src = (const char *)src + chunk;
		len -= chunk;
	}
	return true;
}

bool vm_map_fresh(uint64_t space, uint64_t va, uint64_t len, unsigned flags)
{
	uint64_t created = 0;

	for (uint64_t off = 0; off < len; off += PAGE_SIZE) {
		uint64_t frame = pmm_alloc();
		if (!frame || !vm_map_counted(space, va + off, frame, flags | VM_OWNED, &created)) {
			if (frame)
				pmm_free(frame);
			/* Back to as it was: the pages, and tables this call created. */
			uint64_t freed = 0, unbacked = 0;
			vm_unmap_range(space, va, off + PAGE_SIZE, &freed, &unbacked, NULL);
			return false;
		}
		clear_page(phys_to_virt(frame));
	}
	return true;
}
