/*
 * Reading a loaded ELF shared object through its own dynamic table: how the
 * crt finds the vDSO's entry points, and what vdsoinfo walks.  Symbols are
 * found through DT_HASH, which the object must have (vdsocheck guarantees
 * it of the vDSO).
 *
 * Portable C over <elf.h> without system calls (crt/dso_lookup.c, in
 * librainbow.a): the host unit tests run the same code on a mapped file.
 */
#ifndef RAINBOW_DSO_H
#define RAINBOW_DSO_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rb_dso {
	uintptr_t bias;               /* run-time minus link-time address */
	const char *strtab;
	const Elf64_Sym *symtab;
	const Elf64_Word *hash;       /* DT_HASH */
	const Elf64_Versym *versym;   /* DT_VERSYM, or NULL */
	const Elf64_Verdef *verdef;   /* DT_VERDEF, or NULL */
	const char *soname;           /* DT_SONAME, or NULL */
};

/*
 * Describes the object whose ELF header is mapped at image, its segments
 * placed as its program headers say.  False if image is not such an object
 * or has no symbol table with a DT_HASH table.
 */
bool rb_dso_open(struct rb_dso *dso, const void *image);

/*
 * The run-time address of the defined function name in version node
 * version, or NULL.  A NULL version accepts any version.
 */
void *rb_dso_function(const struct rb_dso *dso, const char *name,
		      const char *version);

/* Name of version definition ndx (see Elf64_Verdef.vd_ndx), or NULL. */
const char *rb_dso_version_name(const struct rb_dso *dso, unsigned ndx);

/* Number of entries of the dynamic symbol table, the null entry included. */
size_t rb_dso_symbol_count(const struct rb_dso *dso);

/* Name of the version symbol i is defined in, or NULL if unversioned. */
const char *rb_dso_symbol_version(const struct rb_dso *dso, size_t i);

#endif
