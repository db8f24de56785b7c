/*
 * SMEP, SMAP and UMIP: CR4 bits 20, 21 and 11, offered in CPUID leaf 7
 * (EBX bit 7, EBX bit 20, ECX bit 2; Intel SDM vol. 2A, CPUID).  The log
 * line is what tests/guest/protect.sh checks under -cpu max.
 */
#include "arch/protect.h"
#include "arch/cpu.h"
#include "log.h"

#define CPUID_LEAF_MAX       0
#define CPUID_LEAF_FEATURES7 7
#define LEAF7_EBX_SMEP (1u << 7)
#define LEAF7_EBX_SMAP (1u << 20)
#define LEAF7_ECX_UMIP (1u << 2)


bool protect_smap;

void protect_init(void)
{
	uint32_t r[4] = { 0 };
	uint32_t ebx = 0, ecx = 0;

	cpuid(CPUID_LEAF_MAX, 0, r);
	if (r[0] >= CPUID_LEAF_FEATURES7) {
		cpuid(CPUID_LEAF_FEATURES7, 0, r);
		ebx = r[1];
		ecx = r[2];
	}
	bool smep = ebx & LEAF7_EBX_SMEP, smap = ebx & LEAF7_EBX_SMAP, umip = ecx & LEAF7_ECX_UMIP;
	cr4_set((smep ? CR4_SMEP : 0) | (smap ? CR4_SMAP : 0) | (umip ? CR4_UMIP : 0));
	protect_smap = smap;
	klog("protections: SMEP %s, SMAP %s, UMIP %s", smep ? "on" : "absent",
	     smap ? "on" : "absent", umip ? "on" : "absent");
}
