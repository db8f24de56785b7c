/* Bounds-checked reading of an ELF64 file (see elf_file.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_file.h"

static const char *read_all(struct elf_file *f, const char *path)
{
	FILE *in = fopen(path, "rb");
	long size;
	bool ok;

	if (!in)
		return strerror(errno);
	ok = !fseek(in, 0, SEEK_END) && (size = ftell(in)) >= 0 &&
	     !fseek(in, 0, SEEK_SET);
	if (ok) {
		f->size = (size_t)size;
		f->bytes = malloc(f->size ? f->size : 1);
		ok = f->bytes && fread(f->bytes, 1, f->size, in) == f->size;
	}
	fclose(in);
	return ok ? NULL : "cannot read";
}

const char *elf_load(struct elf_file *f, const char *path)
{
	const char *error = read_all(f, path);
	const Elf64_Ehdr *eh;

	f->path = path;
	if (error)
		return error;
	eh = elf_file_range(f, 0, sizeof(*eh));
	if (!eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return "not a little-endian ELF64 file";
	f->ehdr = eh;
	f->phdrs = elf_file_range(f, eh->e_phoff,
				  (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr));
	if (!f->phdrs || eh->e_phentsize != sizeof(Elf64_Phdr))
		return "program headers missing or truncated";
	return NULL;
}

const void *elf_file_range(const struct elf_file *f, uint64_t off,
			   uint64_t len)
{
	if (off > f->size || len > f->size - off)
		return NULL;
	return f->bytes + off;
}

const void *elf_vaddr_range(const struct elf_file *f, uint64_t addr,
			    uint64_t len)
{
	for (int i = 0; i < f->ehdr->e_phnum; i++) {
		const Elf64_Phdr *ph = &f->phdrs[i];
		uint64_t into = addr - ph->p_vaddr;

		if (ph->p_type == PT_LOAD && addr >= ph->p_vaddr &&
		    into <= ph->p_filesz && len <= ph->p_filesz - into)
			return elf_file_range(f, ph->p_offset + into, len);
	}
	return NULL;
}

const Elf64_Phdr *elf_segment(const struct elf_file *f, uint32_t type)
{
	for (int i = 0; i < f->ehdr->e_phnum; i++)
		if (f->phdrs[i].p_type == type)
			return &f->phdrs[i];
	return NULL;
}

static uint64_t note_align(uint64_t n)
{
	return (n + 3) & ~(uint64_t)3;
}

static bool is_build_id(const struct elf_file *f, const Elf64_Nhdr *n,
			uint64_t name)
{
	const char *owner = elf_file_range(f, name, n->n_namesz);

	return n->n_type == NT_GNU_BUILD_ID && owner &&
	       n->n_namesz == sizeof("GNU") &&
	       !memcmp(owner, "GNU", sizeof("GNU"));
}

bool elf_build_id(const struct elf_file *f, const unsigned char **id,
		  uint32_t *len)
{
	for (int i = 0; i < f->ehdr->e_phnum; i++) {
		const Elf64_Phdr *ph = &f->phdrs[i];
		uint64_t off = ph->p_offset, end = off + ph->p_filesz;
		const Elf64_Nhdr *n;

		if (ph->p_type != PT_NOTE)
			continue;
		while (off < end && (n = elf_file_range(f, off, sizeof(*n)))) {
			uint64_t name = off + sizeof(*n);
			uint64_t desc = name + note_align(n->n_namesz);

			*id = elf_file_range(f, desc, n->n_descsz);
			*len = n->n_descsz;
			if (*id && is_build_id(f, n, name))
				return true;
			off = desc + note_align(n->n_descsz);
		}
	}
	return false;
}

const char *elf_string(const char *table, uint64_t size, uint64_t off)
{
	if (!table || off >= size || !memchr(table + off, '\0', size - off))
		return "";
	return table + off;
}

const Elf64_Sym *elf_symtab_lookup(const struct elf_file *f, const char *name)
{
	const Elf64_Ehdr *eh = f->ehdr;
	const Elf64_Shdr *sh = elf_file_range(f, eh->e_shoff,
					      (uint64_t)eh->e_shnum *
					      sizeof(*sh));

	for (int i = 0; sh && i < eh->e_shnum; i++) {
		const Elf64_Shdr *str;
		const Elf64_Sym *syms;
		const char *strs;

		if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum)
			continue;
		str = &sh[sh[i].sh_link];
		syms = elf_file_range(f, sh[i].sh_offset, sh[i].sh_size);
		strs = elf_file_range(f, str->sh_offset, str->sh_size);
		for (uint64_t j = 0; syms && j < sh[i].sh_size / sizeof(*syms);
		     j++)
			if (!strcmp(elf_string(strs, str->sh_size,
					       syms[j].st_name), name))
				return &syms[j];
	}
	return NULL;
}

bool elf_read_dynamic(const struct elf_file *f, struct elf_dynamic *d)
{
	const Elf64_Phdr *ph = elf_segment(f, PT_DYNAMIC);
	uint64_t strtab;

	memset(d, 0, sizeof(*d));
	if (!ph || !(d->entries = elf_file_range(f, ph->p_offset,
						 ph->p_filesz)))
		return false;
	while (d->count < ph->p_filesz / sizeof(Elf64_Dyn) &&
	       d->entries[d->count].d_tag != DT_NULL)
		d->count++;
	if (elf_dyn_value(d, DT_STRTAB, &strtab) &&
	    elf_dyn_value(d, DT_STRSZ, &d->strsz))
		d->strtab = elf_vaddr_range(f, strtab, d->strsz);
	return true;
}

bool elf_dyn_value(const struct elf_dynamic *d, int64_t tag, uint64_t *value)
{
	for (size_t i = 0; i < d->count; i++) {
		if (d->entries[i].d_tag == tag) {
			*value = d->entries[i].d_un.d_val;
			return true;
		}
	}
	return false;
}

bool elf_dyn_has(const struct elf_dynamic *d, int64_t tag)
{
	uint64_t ignored;

	return elf_dyn_value(d, tag, &ignored);
}

const char *elf_dyn_string(const struct elf_dynamic *d, uint64_t off)
{
	return elf_string(d->strtab, d->strsz, off);
}
