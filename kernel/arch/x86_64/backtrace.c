/*
 * Kernel backtraces by frame pointer (the kernel is built with
 * -fno-omit-frame-pointer).  The walk stops at the first frame outside
 * the kernel image so a corrupt stack cannot fault the panic path.
 */
#include "backtrace.h"
#include "ksyms.h"
#include "log.h"
#include "arch/layout.h"

#define BACKTRACE_MAX 16

static int kernel_stack_address(uint64_t p)
{
	return p >= DIRECT_MAP_BASE && (p & 7) == 0;
}

void backtrace_from(uint64_t fp)
{
	for (int depth = 0; depth < BACKTRACE_MAX && kernel_stack_address(fp); depth++) {
		const uint64_t *frame = (const uint64_t *)fp;
		uint64_t ret = frame[1];
		uint64_t off;

		if (!ksyms_lookup(ret, &off))
			break;
		kprintf("    #%d ", depth);
		ksyms_print(ret);
		kprintf("\n");
		fp = frame[0];
	}
}

void backtrace_here(void)
{
	kprintf("  backtrace:\n");
	backtrace_from((uint64_t)__builtin_frame_address(0));
}
