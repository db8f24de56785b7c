#ifndef ELF_SYM_H
#define ELF_SYM_H

#include <stdint.h>
#include <stddef.h>

/*
 * The function of an ELF image that contains addr (an address as the
 * image was linked), from .symtab or else .dynsym; NULL when none does.
 * The image is untrusted: every table and string is bounds-checked.
 */
const char *elf_symbolize(const void *image, size_t size, uint64_t addr, uint64_t *offset);

#endif
