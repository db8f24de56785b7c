#ifndef USTACK_H
#define USTACK_H

#include <stdint.h>
#include <stddef.h>

/* What a new program learns from its initial stack (System V x86-64 ABI). */
struct ustack_info {
	const char *const *argv;	/* argc (<= CMDLINE_ARGS_MAX) strings, argv[0] the name */
	unsigned argc;
	const char *const *envp;	/* envc (<= CMDLINE_ENV_MAX) "NAME=value" strings */
	unsigned envc;
	uint64_t phdr, phent, phnum;	/* AT_PHDR, AT_PHENT, AT_PHNUM */
	uint64_t entry;			/* AT_ENTRY */
	uint64_t vdso;			/* AT_SYSINFO_EHDR */
	uint64_t random[2];		/* AT_RANDOM bytes */
};

/*
 * Lay out argc, argv, envp, auxv and the strings they point to in
 * buf[0..size), which user space will see ending at address top.
 * Returns the initial stack pointer, or 0 with *why set when it does not fit.
 */
uint64_t ustack_build(uint8_t *buf, size_t size, uint64_t top,
		      const struct ustack_info *info, const char **why);

#endif
