/*
 * Self-relocation of a static-pie app.  The kernel loads ET_DYN at a bias
 * and runs no loader, so the crt applies the app's R_X86_64_RELATIVE
 * relocations itself, before anything reads a pointer from data.  A static
 * ET_EXEC has none: its bias is 0 and rainbow.ld's table is empty.
 *
 * Runs unrelocated: only PC-relative addresses and the stack until done.
 */
#include <elf.h>

#include "crt.h"

/* rainbow.ld brackets .rela.dyn with these. */
CRT_HIDDEN extern const Elf64_Rela __rela_dyn_start[], __rela_dyn_end[];

int __rb_relocate(void)
{
	uintptr_t bias = __rb_image_bias();
	int status = 0;

	for (const Elf64_Rela *r = __rela_dyn_start; r < __rela_dyn_end; r++) {
		switch (ELF64_R_TYPE(r->r_info)) {
		case R_X86_64_RELATIVE:
			*(uintptr_t *)(bias + r->r_offset) = bias + r->r_addend;
			break;
		case R_X86_64_NONE:
			break;
		default:
			status = -1;
		}
	}
	return status;
}
