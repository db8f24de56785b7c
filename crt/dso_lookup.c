/*
 * Looking up the functions of a loaded ELF shared object by name and
 * version (<rainbow/dso.h>): its own dynamic table gives the symbol,
 * string, DT_HASH and version tables; the DT_HASH chains give the symbol.
 * DT_HASH is enough, and vdsocheck guarantees the vDSO has one.
 */
#include <string.h>

#include <rainbow/dso.h>

static const void *at(const struct rb_dso *dso, Elf64_Addr vaddr)
{
	return (const void *)(dso->bias + vaddr);
}

static const void *offset_from(const void *p, Elf64_Word offset)
{
	return (const char *)p + offset;
}

static void read_dynamic(struct rb_dso *dso, const Elf64_Dyn *dyn)
{
	Elf64_Xword soname = 0;
	bool has_soname = false;

	for (; dyn->d_tag != DT_NULL; dyn++) {
		switch (dyn->d_tag) {
		case DT_STRTAB: dso->strtab = at(dso, dyn->d_un.d_ptr); break;
		case DT_SYMTAB: dso->symtab = at(dso, dyn->d_un.d_ptr); break;
		case DT_HASH:   dso->hash = at(dso, dyn->d_un.d_ptr); break;
		case DT_VERSYM: dso->versym = at(dso, dyn->d_un.d_ptr); break;
		case DT_VERDEF: dso->verdef = at(dso, dyn->d_un.d_ptr); break;
		case DT_SONAME: soname = dyn->d_un.d_val; has_soname = true; break;
		}
	}
	/* DT_SONAME is a string table offset, and DT_STRTAB may come later. */
	if (has_soname && dso->strtab)
		dso->soname = dso->strtab + soname;
}

bool rb_dso_open(struct rb_dso *dso, const void *image)
{
	const Elf64_Ehdr *eh = image;
	const Elf64_Phdr *ph, *first_load = NULL, *dynamic = NULL;

	memset(dso, 0, sizeof *dso);
	if (!eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_type != ET_DYN)
		return false;
	ph = offset_from(image, eh->e_phoff);
	for (unsigned i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type == PT_LOAD && !first_load)
			first_load = ph;
		else if (ph->p_type == PT_DYNAMIC)
			dynamic = ph;
	}
	if (!first_load || !dynamic)
		return false;
	/* The first PT_LOAD maps the ELF header, which gives the bias. */
	dso->bias = (uintptr_t)image - (first_load->p_vaddr - first_load->p_offset);
	read_dynamic(dso, at(dso, dynamic->p_vaddr));
	return dso->strtab && dso->symtab && dso->hash;
}

const char *rb_dso_version_name(const struct rb_dso *dso, unsigned ndx)
{
	const Elf64_Verdef *vd = dso->verdef;

	while (vd) {
		if (vd->vd_ndx == ndx && !(vd->vd_flags & VER_FLG_BASE)) {
			const Elf64_Verdaux *aux = offset_from(vd, vd->vd_aux);
			return dso->strtab + aux->vda_name;
		}
		vd = vd->vd_next ? offset_from(vd, vd->vd_next) : NULL;
	}
	return NULL;
}

const char *rb_dso_symbol_version(const struct rb_dso *dso, size_t i)
{
	if (!dso->versym)
		return NULL;
	return rb_dso_version_name(dso, dso->versym[i] & VERSYM_VERSION);
}

/* DT_HASH is nbucket, nchain, the buckets, then one chain word a symbol. */
size_t rb_dso_symbol_count(const struct rb_dso *dso)
{
	return dso->hash[1];
}

/* The System V gABI's hash function, the one DT_HASH is built with. */
static uint32_t sysv_hash(const char *s)
{
	uint32_t h = 0;

	while (*s) {
		uint32_t high;

		h = (h << 4) + (unsigned char)*s++;
		high = h & 0xf0000000;
		if (high)
			h ^= high >> 24;
		h &= ~high;
	}
	return h;
}

/* Symbol i is the defined global or weak function name, of that version. */
static bool is_match(const struct rb_dso *dso, Elf64_Word i, const char *name,
		     const char *version)
{
	const Elf64_Sym *sym = &dso->symtab[i];
	unsigned bind = ELF64_ST_BIND(sym->st_info);
	const char *defined_in;

	if (sym->st_shndx == SHN_UNDEF || ELF64_ST_TYPE(sym->st_info) != STT_FUNC ||
	    (bind != STB_GLOBAL && bind != STB_WEAK) ||
	    strcmp(dso->strtab + sym->st_name, name) != 0)
		return false;
	if (!version)
		return true;
	defined_in = rb_dso_symbol_version(dso, i);
	return defined_in && strcmp(defined_in, version) == 0;
}

void *rb_dso_function(const struct rb_dso *dso, const char *name,
		      const char *version)
{
	Elf64_Word nbucket = dso->hash[0];
	const Elf64_Word *bucket = dso->hash + 2, *chain = bucket + nbucket;

	if (nbucket == 0)
		return NULL;
	for (Elf64_Word i = bucket[sysv_hash(name) % nbucket]; i; i = chain[i]) {
		if (is_match(dso, i, name, version))
			return (void *)(dso->bias + dso->symtab[i].st_value);
	}
	return NULL;
}
