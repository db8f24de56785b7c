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
void fpu_save(struct fpu_state *s);
void fpu_restore(const struct fpu_state *s);

#endif
