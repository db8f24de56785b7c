/*
 * Symbol lookup in a loaded ELF shared object, by name and version, through
 * its DT_GNU_HASH table or else its DT_HASH table.
 */
#include <string.h>

#include <rainbow/dso.h>

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

/* DT_GNU_HASH's function: Bernstein's h * 33 + c. */
static uint32_t gnu_hash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* The System V gABI's hash function, as its DT_HASH section defines it. */
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
