/*
 * Read-only access to an ELF64 file held in memory, for vdsocheck.
 * Every accessor checks bounds: a truncated or hostile file yields NULL or
 * false, never a read outside the file.
 */
#ifndef RAINBOW_VDSOCHECK_ELF_FILE_H
#define RAINBOW_VDSOCHECK_ELF_FILE_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_file {
	const char *path;
	unsigned char *bytes;
	size_t size;
	const Elf64_Ehdr *ehdr;
	const Elf64_Phdr *phdrs;
};

/* Reads a little-endian ELF64 file; returns NULL or what is wrong with it. */
const char *elf_load(struct elf_file *f, const char *path);

/* Bytes [off, off + len) of the file, or NULL if they are not all there. */
const void *elf_file_range(const struct elf_file *f, uint64_t off,
			   uint64_t len);

/* Bytes at run-time address [addr, addr + len), if a PT_LOAD holds them. */
const void *elf_vaddr_range(const struct elf_file *f, uint64_t addr,
			    uint64_t len);

/* The first program header of that type, or NULL. */
const Elf64_Phdr *elf_segment(const struct elf_file *f, uint32_t type);

/* The GNU build-id note of the PT_NOTE segments. */
bool elf_build_id(const struct elf_file *f, const unsigned char **id,
		  uint32_t *len);

/* String at offset off of a string table, "" if it is not all there. */
const char *elf_string(const char *table, uint64_t size, uint64_t off);

/* A symbol of the section-header symbol table (.symtab), or NULL. */
const Elf64_Sym *elf_symtab_lookup(const struct elf_file *f,
				   const char *name);

/* The dynamic section, as the dynamic loader reads it. */
struct elf_dynamic {
	const Elf64_Dyn *entries;
	size_t count;
	const char *strtab;     /* NULL if DT_STRTAB is missing or unreadable */
	uint64_t strsz;
};

/* False if there is no PT_DYNAMIC inside the file. */
bool elf_read_dynamic(const struct elf_file *f, struct elf_dynamic *d);
bool elf_dyn_value(const struct elf_dynamic *d, int64_t tag,
		   uint64_t *value);
bool elf_dyn_has(const struct elf_dynamic *d, int64_t tag);
const char *elf_dyn_string(const struct elf_dynamic *d, uint64_t off);

#endif
