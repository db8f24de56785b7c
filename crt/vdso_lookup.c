/*
 * Symbol lookup in a loaded ELF shared object, by name and version, through
 * its DT_GNU_HASH table or else its DT_HASH table.
 */
#include <string.h>

#include <rainbow/dso.h>

/* A versym entry: bit 15 marks a hidden symbol, the rest is a vd_ndx. */
#define VERSYM_INDEX_MASK 0x7fff

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
	return rb_dso_version_name(dso, dso->versym[i] & VERSYM_INDEX_MASK);
}

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

static uint32_t gnu_hash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static uint32_t sysv_hash(const char *s)
{
	uint32_t h = 0;

	while (*s) {
		h = (h << 4) + (unsigned char)*s++;
		h ^= (h >> 24) & 0xf0;
	}
	return h & 0x0fffffff;
}

/*
 * DT_GNU_HASH: nbuckets, symoffset, bloom_size, bloom_shift, the bloom
 * words (64-bit here), the buckets, then one chain word per symbol from
 * symoffset on, whose low bit ends a bucket's chain.  The bloom filter only
 * speeds up misses, so it is skipped.
 */
static Elf64_Word gnu_lookup(const struct rb_dso *dso, const char *name,
			     const char *version)
{
	const Elf64_Word *t = dso->gnu_hash;
	Elf64_Word nbuckets = t[0], symoffset = t[1], bloom_size = t[2];
	const Elf64_Word *buckets = t + 4 + 2 * bloom_size;
	const Elf64_Word *chain = buckets + nbuckets - symoffset;
	uint32_t h = gnu_hash(name);
	Elf64_Word i = nbuckets ? buckets[h % nbuckets] : 0;

	if (i == 0 || i < symoffset)
		return 0;
	for (;; i++) {
		if ((chain[i] | 1) == (h | 1) && is_match(dso, i, name, version))
			return i;
		if (chain[i] & 1)
			return 0;
	}
}

/* DT_HASH: nbucket, nchain, the buckets, then the chains. */
static Elf64_Word sysv_lookup(const struct rb_dso *dso, const char *name,
			      const char *version)
{
	const Elf64_Word *t = dso->hash;
	const Elf64_Word *buckets = t + 2, *chain = buckets + t[0];
	Elf64_Word i = t[0] ? buckets[sysv_hash(name) % t[0]] : 0;

	for (; i; i = chain[i]) {
		if (is_match(dso, i, name, version))
			return i;
	}
	return 0;
}

void *rb_dso_function(const struct rb_dso *dso, const char *name,
		      const char *version)
{
	Elf64_Word i = dso->gnu_hash ? gnu_lookup(dso, name, version)
				     : sysv_lookup(dso, name, version);

	return i ? (void *)(dso->bias + dso->symtab[i].st_value) : NULL;
}
