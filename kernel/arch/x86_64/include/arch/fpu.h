#ifndef ARCH_FPU_H
#define ARCH_FPU_H

#include <stdint.h>

/* What FXSAVE stores: x87, MMX and SSE registers, MXCSR. */
struct fpu_state {
	uint8_t bytes[512];
} __attribute__((aligned(16)));

/* Enable x87 and SSE for user code. */
void fpu_init(void);
/* The state a new thread starts with: everything masked, registers zero. */
void fpu_state_init(struct fpu_state *s);

/* Inline: they are on every thread switch, IPC handoffs included. */
static inline void fpu_save(struct fpu_state *s)
{
	__asm__ volatile("fxsave64 %0" : "=m"(*s));
}

static inline void fpu_restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstor64 %0" : : "m"(*s));
}

#endif
