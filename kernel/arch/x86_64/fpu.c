/*
 * User code uses SSE (the x86-64 ABI passes floats in XMM registers), so
 * the FPU is on and every thread has its own FXSAVE area, switched with
 * the thread.  The kernel itself is built without SSE and never touches it.
 */
#include "arch/fpu.h"
#include "arch/cpu.h"
#include <string.h>


#define FCW_DEFAULT   0x037f	/* all x87 exceptions masked, extended precision */
#define MXCSR_DEFAULT 0x1f80	/* all SSE exceptions masked, round to nearest */

struct fxsave_header {
	uint16_t fcw, fsw;
	uint8_t ftw, reserved;
	uint16_t fop;
	uint64_t fip, fdp;
	uint32_t mxcsr, mxcsr_mask;
};

void fpu_init(void)
{
	uint64_t cr0, cr4;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(CR0_EM | CR0_TS)) | CR0_MP;
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	__asm__ volatile("fninit");
}

void fpu_state_init(struct fpu_state *s)
{
	struct fxsave_header h = { .fcw = FCW_DEFAULT, .mxcsr = MXCSR_DEFAULT };

	memset(s, 0, sizeof(*s));
	memcpy(s->bytes, &h, sizeof(h));
}
