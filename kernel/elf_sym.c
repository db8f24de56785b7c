/*
 * Symbolizing user addresses for fault reports, from the module's own
 * section headers (apps keep .symtab) or the vDSO's .dynsym.  Pure code.
 */
#include "elf_sym.h"
#include <elf.h>
#include <string.h>

struct view {
	const uint8_t *bytes;
	size_t size;
};

static const void *view_at(struct view v, uint64_t off, uint64_t len)
{
	if (off > v.size || len > v.size - off)
		return NULL;
	return v.bytes + off;
}

static const Elf64_Shdr *section(struct view v, const Elf64_Ehdr *eh, unsigned i)
{
	if (eh->e_shentsize != sizeof(Elf64_Shdr) || i >= eh->e_shnum)
		return NULL;
	return view_at(v, eh->e_shoff + (uint64_t)i * sizeof(Elf64_Shdr), sizeof(Elf64_Shdr));
}

static const Elf64_Shdr *find_symbols(struct view v, const Elf64_Ehdr *eh)
{
	const Elf64_Shdr *dynsym = NULL;

	for (unsigned i = 0; i < eh->e_shnum; i++) {
		const Elf64_Shdr *s = section(v, eh, i);
		if (!s)
			return NULL;
		if (s->sh_type == SHT_SYMTAB)
			return s;
		if (s->sh_type == SHT_DYNSYM)
			dynsym = s;
	}
	return dynsym;
}

static const char *symbol_name(struct view v, const Elf64_Shdr *strtab, uint32_t name)
{
	if (!strtab || name >= strtab->sh_size)
		return NULL;
	const char *s = view_at(v, strtab->sh_offset + name, strtab->sh_size - name);
	return s && memchr(s, '\0', strtab->sh_size - name) ? s : NULL;
}

const char *elf_symbolize(const void *image, size_t size, uint64_t addr, uint64_t *offset)
{
	struct view v = { image, size };
	const Elf64_Ehdr *eh = view_at(v, 0, sizeof(Elf64_Ehdr));
	const Elf64_Shdr *symtab = eh ? find_symbols(v, eh) : NULL;

	if (!symtab || symtab->sh_entsize != sizeof(Elf64_Sym))
		return NULL;
	const Elf64_Shdr *strtab = section(v, eh, symtab->sh_link);
	const Elf64_Sym *best = NULL;
	for (uint64_t i = 0; i < symtab->sh_size / sizeof(Elf64_Sym); i++) {
		const Elf64_Sym *s = view_at(v, symtab->sh_offset + i * sizeof(Elf64_Sym), sizeof(*s));
		if (!s)
			return NULL;
		if (ELF64_ST_TYPE(s->st_info) == STT_FUNC && s->st_value <= addr &&
		    addr - s->st_value < s->st_size)
			best = s;
	}
	if (!best)
		return NULL;
	*offset = addr - best->st_value;
	return symbol_name(v, strtab, best->st_name);
}
