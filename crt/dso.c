/*
 * What a loaded ELF shared object's dynamic table tells: where its symbol,
 * string, hash and version tables are, the names of its versions, and how
 * many symbols it has.  The lookup itself is in vdso_lookup.c.
 */
#include <string.h>

#include <rainbow/dso.h>

static const void *at(const struct rb_dso *dso, Elf64_Addr vaddr)
{
	return (const void *)(dso->bias + vaddr);
}

static void read_dynamic(struct rb_dso *dso, const Elf64_Dyn *dyn)
{
	Elf64_Xword soname = 0;
	bool has_soname = false;

	for (; dyn->d_tag != DT_NULL; dyn++) {
		switch (dyn->d_tag) {
		case DT_STRTAB:   dso->strtab = at(dso, dyn->d_un.d_ptr); break;
		case DT_SYMTAB:   dso->symtab = at(dso, dyn->d_un.d_ptr); break;
		case DT_GNU_HASH: dso->gnu_hash = at(dso, dyn->d_un.d_ptr); break;
		case DT_HASH:     dso->hash = at(dso, dyn->d_un.d_ptr); break;
		case DT_VERSYM:   dso->versym = at(dso, dyn->d_un.d_ptr); break;
		case DT_VERDEF:   dso->verdef = at(dso, dyn->d_un.d_ptr); break;
		case DT_SONAME:   soname = dyn->d_un.d_val; has_soname = true; break;
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
	ph = (const Elf64_Phdr *)((const char *)image + eh->e_phoff);
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
	return dso->strtab && dso->symtab && (dso->gnu_hash || dso->hash);
}

static const void *offset_from(const void *p, Elf64_Word offset)
{
	return (const char *)p + offset;
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

/* DT_HASH: nchain, the second word, is the number of symbols. */
static size_t sysv_count(const Elf64_Word *t)
{
	return t[1];
}

/* DT_GNU_HASH: one past the end of the chain that reaches furthest. */
static size_t gnu_count(const Elf64_Word *t)
{
	Elf64_Word nbuckets = t[0], symoffset = t[1], bloom_size = t[2];
	const Elf64_Word *buckets = t + 4 + 2 * bloom_size;
	const Elf64_Word *chain = buckets + nbuckets - symoffset;
	Elf64_Word last = 0;

	for (Elf64_Word b = 0; b < nbuckets; b++) {
		if (buckets[b] > last)
			last = buckets[b];
	}
	if (last < symoffset)
		return symoffset;
	while (!(chain[last] & 1))
		last++;
	return last + 1;
}

size_t rb_dso_symbol_count(const struct rb_dso *dso)
{
	return dso->hash ? sysv_count(dso->hash) : gnu_count(dso->gnu_hash);
}
