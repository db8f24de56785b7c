/*
 * mkmutants SEED COUNT good.elf OUTDIR
 *
 * The ELF-mutation fuzzer's generator: writes COUNT mutants of a good app,
 * OUTDIR/mSEED-NNN (NNN from 000), each with one to three mutations drawn
 * from a xorshift generator seeded with SEED, so that a mutant is made
 * again exactly.  A mutation is one of:
 *   a header field (e_type, e_machine, e_entry, e_phoff, e_phentsize,
 *   e_phnum) or a field of one program header (p_type, p_flags, p_offset,
 *   p_vaddr, p_filesz, p_memsz, p_align) set to a boundary value (0, 1,
 *   all ones, the type's top bit, a page, 2^47, a kernel address, the
 *   value plus or minus one or a page) or to random bits;
 *   a bit flipped in the first two pages of the file.
 * Prints one line per mutant, its name and what was done to it, so the
 * test that boots them can name the input behind any failure.
 *
 * Host tool, on the tree's one <elf.h> (include/elf.h) like mkbadelf, and
 * on the guest fuzzer's generator (tests/lib/xorshift.h).
 */
#include <elf.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xorshift.h"

#define FLIP_BYTES 8192u

struct field {
	const char *name;
	size_t offset, size;
	int in_ph;		/* a program header's field, else the ELF header's */
};

#define EH(f) { #f, offsetof(Elf64_Ehdr, f), sizeof(((Elf64_Ehdr *)0)->f), 0 }
#define PH(f) { #f, offsetof(Elf64_Phdr, f), sizeof(((Elf64_Phdr *)0)->f), 1 }
static const struct field fields[] = {
	EH(e_type), EH(e_machine), EH(e_entry), EH(e_phoff), EH(e_phentsize), EH(e_phnum),
	PH(p_type), PH(p_flags), PH(p_offset), PH(p_vaddr), PH(p_filesz), PH(p_memsz), PH(p_align),
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

static _Noreturn void die(const char *what, const char *detail)
{
	fprintf(stderr, "mkmutants: %s: %s\n", what, detail);
	exit(1);
}

static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *bytes;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < (long)sizeof(Elf64_Ehdr) ||
	    fseek(f, 0, SEEK_SET) || !(bytes = malloc((size_t)n)) ||
	    fread(bytes, 1, (size_t)n, f) != (size_t)n)
		die("cannot read", path);
	fclose(f);
	*size = (size_t)n;
	return bytes;
}

/* A boundary value for a field that holds old, or random bits. */
static uint64_t new_value(uint64_t old, size_t size)
{
	uint64_t top = (uint64_t)1 << (size * 8 - 1);

	switch (pick(12)) {
	case 0: return 0;
	case 1: return 1;
	case 2: return ~(uint64_t)0;
	case 3: return top;
	case 4: return top - 1;
	case 5: return 4096;
	case 6: return (uint64_t)1 << 47;
	case 7: return 0xffffffff80000000ull;
	case 8: return old + 1;
	case 9: return old - 1;
	case 10: return old + (pick(2) ? 4096 : -(uint64_t)4096);
	default: return rng();
	}
}

/* One mutation of bytes (size bytes, program headers at phoff), described into what. */
static void mutate(unsigned char *bytes, size_t size, uint64_t phoff, unsigned phnum,
		   char *what, size_t room)
{
	if (pick(4) == 0) {
		size_t limit = size < FLIP_BYTES ? size : FLIP_BYTES;
		size_t at = pick(limit);
		unsigned bit = (unsigned)pick(8);

		bytes[at] ^= (unsigned char)(1u << bit);
		snprintf(what, room, "bit %u of byte %zu flipped", bit, at);
		return;
	}
	const struct field *f = &fields[pick(N_FIELDS)];
	unsigned ph = (unsigned)pick(phnum);
	size_t at = f->offset + (f->in_ph ? phoff + ph * sizeof(Elf64_Phdr) : 0);
	uint64_t old = 0, value;

	memcpy(&old, bytes + at, f->size);	/* little-endian, like the target */
	value = new_value(old, f->size);
	memcpy(bytes + at, &value, f->size);
	value = 0;
	memcpy(&value, bytes + at, f->size);
	if (f->in_ph)
		snprintf(what, room, "%s[%u] 0x%llx -> 0x%llx", f->name, ph,
			 (unsigned long long)old, (unsigned long long)value);
	else
		snprintf(what, room, "%s 0x%llx -> 0x%llx", f->name,
			 (unsigned long long)old, (unsigned long long)value);
}

int main(int argc, char **argv)
{
	size_t size;
	unsigned char *good, *bytes;
	Elf64_Ehdr eh;

	if (argc != 5)
		die("usage", "mkmutants SEED COUNT good.elf OUTDIR");
	unsigned long seed = strtoul(argv[1], NULL, 0), count = strtoul(argv[2], NULL, 0);

	good = read_file(argv[3], &size);
	memcpy(&eh, good, sizeof eh);
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_phentsize != sizeof(Elf64_Phdr) ||
	    eh.e_phnum == 0 || eh.e_phoff > size || eh.e_phnum * sizeof(Elf64_Phdr) > size - eh.e_phoff)
		die("not a sane ELF64 file", argv[3]);
	if (!(bytes = malloc(size)))
		die("out of memory", argv[3]);
	rng_seed(seed);
	for (unsigned long i = 0; i < count; i++) {
		char name[64], path[4096], what[3][96];
		unsigned n = 1 + (unsigned)(pick(4) == 0) + (unsigned)(pick(8) == 0);
		FILE *out;

		memcpy(bytes, good, size);
		for (unsigned m = 0; m < n; m++)
			mutate(bytes, size, eh.e_phoff, eh.e_phnum, what[m], sizeof what[m]);
		snprintf(name, sizeof name, "m%lu-%03lu", seed, i);
		snprintf(path, sizeof path, "%s/%s", argv[4], name);
		if (!(out = fopen(path, "wb")) || fwrite(bytes, 1, size, out) != size || fclose(out))
			die("cannot write", path);
		printf("%s:", name);
		for (unsigned m = 0; m < n; m++)
			printf("%s %s", m ? ";" : "", what[m]);
		printf("\n");
	}
	return 0;
}
