/*
 * The app's view of its own ELF image, as static glibc takes it: the
 * program header table from the auxiliary vector (AT_PHDR, AT_PHNUM), so
 * it may lie anywhere the kernel loaded it (patchelf and LIEF move it to
 * its own PT_LOAD at the end of the file), and the load bias from AT_PHDR
 * minus PT_PHDR's address.  Runs before relocation: reads only the
 * auxiliary vector and PC-relative addresses.
 */
#include <elf.h>

#include "crt.h"

/* Defined by the linker at the run-time address of the ELF header. */
CRT_HIDDEN extern const Elf64_Ehdr __ehdr_start;

const Elf64_Phdr *__rb_image_segment(Elf64_Word type)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)__rb_auxv_value(AT_PHDR);
	unsigned long count = __rb_auxv_value(AT_PHNUM);

	for (unsigned long i = 0; ph && i < count; i++) {
		if (ph[i].p_type == type)
			return &ph[i];
	}
	return NULL;
}

/*
 * Without PT_PHDR (rainbow.ld's own layout has none), the table is where
 * the linker put it: in the first PT_LOAD, after the ELF header, both
 * mapped; then the bias is where the header is minus where that segment
 * said the file's start would be.
 */
uintptr_t __rb_image_bias(void)
{
	const Elf64_Phdr *phdr = __rb_image_segment(PT_PHDR);
	const Elf64_Phdr *first_load;

	if (phdr)
		return __rb_auxv_value(AT_PHDR) - phdr->p_vaddr;
	first_load = __rb_image_segment(PT_LOAD);
	if (!first_load)
		__rb_crt_fail("no program headers in the auxiliary vector", "");
	return (uintptr_t)&__ehdr_start - (first_load->p_vaddr - first_load->p_offset);
}
