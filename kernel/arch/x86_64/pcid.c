/*
 * Turning PCIDs on (arch/pcid.h).  CR4.PCIDE can only be set in long mode
 * with CR3[11:0] zero, so another CPU sets it here, on the kernel's page
 * tables, not in its start-up code (smp_arch.c leaves the bit out of the
 * CR4 it hands that code).
 */
#include "arch/pcid.h"
#include "log.h"
#include "panic.h"

#define CPUID_LEAF_FEATURES 1
#define LEAF1_ECX_PCID (1u << 17)

void pcid_init(void)
{
	uint32_t r[4];
	unsigned cpu = cpu_this()->index;

	cpuid(CPUID_LEAF_FEATURES, 0, r);
	bool offered = r[2] & LEAF1_ECX_PCID;
	if (cpu && space_tag_count() <= 1)
		return;
	if (!offered) {
		if (cpu)
			panic("cpu %u: no PCIDs, which the boot CPU uses", cpu);
		klog("pcid: not offered by this CPU");
		return;
	}
	KASSERT(!(read_cr3() & CR3_PCID));
	cr4_set(CR4_PCIDE);
	if (cpu) {
		klog("cpu %u: pcid on, CR4 %#lx", cpu, read_cr4());
		return;
	}
	space_tag_init(ARCH_SPACE_TAGS);
	klog("pcid: on, CR4 %#lx", read_cr4());
}
