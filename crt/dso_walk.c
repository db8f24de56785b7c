/*
 * Walking every dynamic symbol of a loaded shared object: ELF records no
 * symbol count, the hash tables imply it.
 */
#include <rainbow/dso.h>

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
