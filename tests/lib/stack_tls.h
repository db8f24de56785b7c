/*
 * For test programs that unmap anonymous memory they do not own on
 * purpose (the fuzzer, the hostile memory test): the crt maps the main
 * thread's TLS block in the anonymous range (docs/runtime.md), where such
 * an unmap takes it away.  stack_tls_run() copies the block into its own
 * stack frame, where no unmap reaches, makes it the thread's, and runs
 * body(argc, argv) and exit() on it.  Call it first thing in main: a
 * pointer to a TLS variable taken before points into the old block.
 * Header-only, for the guest programs that include it.
 */
#ifndef STACK_TLS_H
#define STACK_TLS_H

#include <elf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include <rainbow/syscall.h>

/* The crt's thread control block at the thread pointer: glibc's first 0x30 bytes. */
#define STACK_TLS_TCB 0x30

static inline _Noreturn void stack_tls_run(int (*body)(int, char **), int argc, char **argv)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	size_t memsz = 0, image_align = 1, align = 16, offset;
	char *old_tp;

	for (unsigned long i = 0; i < getauxval(AT_PHNUM); i++) {
		if (ph[i].p_type == PT_TLS) {
			memsz = ph[i].p_memsz;
			if (ph[i].p_align > image_align)
				image_align = ph[i].p_align;
			if (ph[i].p_align > align)
				align = ph[i].p_align;
		}
	}
	/*
	 * As the crt lays the block out (crt/tls.c): the TCB after the image,
	 * at the image's size rounded to the image's own alignment.
	 */
	offset = (memsz + image_align - 1) & ~(image_align - 1);
	__asm__ volatile("movq %%fs:0, %0" : "=r"(old_tp));

	char area[offset + STACK_TLS_TCB + align];
	char *tp = (char *)(((uintptr_t)area + offset + align - 1) & ~(uintptr_t)(align - 1));

	memcpy(tp - offset, old_tp - offset, offset + STACK_TLS_TCB);
	*(char **)tp = tp;              /* the TCB's self pointer */
	rb_set_tls(tp);
	exit(body(argc, argv));
}

#endif
