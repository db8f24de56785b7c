/*
 * The app's view of its own ELF image.  rainbow.ld maps the ELF header and
 * program headers with the first PT_LOAD, so they are found without the
 * auxiliary vector, and without relocations: this runs before them.
 */
#include <elf.h>

#include "crt.h"

/* Defined by the linker at the run-time address of the ELF header. */
CRT_HIDDEN extern const Elf64_Ehdr __ehdr_start;

static const Elf64_Phdr *program_headers(void)
{
	return (const Elf64_Phdr *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
}

const Elf64_Phdr *__rb_image_segment(Elf64_Word type)
{
	const Elf64_Phdr *ph = program_headers();

	for (unsigned i = 0; i < __ehdr_start.e_phnum; i++) {
		if (ph[i].p_type == type)
			return &ph[i];
	}
	return NULL;
}

uintptr_t __rb_image_bias(void)
{
	const Elf64_Phdr *first_load = __rb_image_segment(PT_LOAD);

	return (uintptr_t)&__ehdr_start - (first_load->p_vaddr - first_load->p_offset);
}
