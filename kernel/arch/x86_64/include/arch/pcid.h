/*
 * PCIDs, x86's address space tags (kernel/space_tag.h; docs/kernel.md,
 * Address space tags): offered in CPUID.01H:ECX bit 17, turned on with
 * CR4.PCIDE; then CR3[11:0] names the PCID a TLB entry is made for, and a
 * load of CR3 with bit 63 set keeps that PCID's entries (Intel SDM vol.
 * 3A, 4.10.1 and 4.10.4.1).  An address space's name (vm.h) is its CR3
 * value: the top table's address with its PCID in the low bits, 0 when
 * it has none (paging.c).
 */
#ifndef ARCH_PCID_H
#define ARCH_PCID_H

#include <stdint.h>
#include "arch/cpu.h"
#include "percpu.h"
#include "space_tag.h"

/*
 * On each CPU at boot, once its GS base is set, with a CR3 whose PCID is
 * 0: on the boot CPU, turn PCIDs on when CPUID offers them (then spaces
 * get tags, space_tag_init) and log either `pcid: on, CR4 <value read
 * back>` or `pcid: not offered by this CPU`; on another CPU, when the
 * boot CPU turned them on, the same with the CPU's number in the line.
 * Panics on a CPU without PCIDs when the boot CPU has them (CPUs of one
 * machine are of one model: QEMU cannot mix them).
 */
void pcid_init(void);

/*
 * Load address space `space` (vm.h) into CR3 on this CPU: without a flush
 * of its PCID when this CPU holds no stale entry of it (space_tag_load),
 * with one otherwise.  Without PCIDs every space's PCID is 0, flushed at
 * each load as before.  Inline: on every switch between spaces.
 */
static inline __attribute__((always_inline)) void pcid_load(uint64_t space)
{
	if (space & CR3_PCID) {
		uint64_t again = space;
		/* The tag taken again from an opaque copy: the test above stays one test, no and. */
		__asm__("" : "+r"(again));
		if (space_tag_load(&cpu_this()->tags, again & CR3_PCID))
			space |= CR3_NOFLUSH;
	}
	write_cr3(space);
}

#endif
