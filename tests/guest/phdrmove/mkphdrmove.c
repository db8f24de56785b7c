/*
 * mkphdrmove IN OUT: writes a copy of the ELF64 executable IN whose program
 * header table sits in its own read-only PT_LOAD past the end of the file,
 * announced by a PT_PHDR, as patchelf and LIEF leave it; the old table's
 * bytes are zeroed, so code that still reads the table at the ELF header's
 * old e_phoff finds nothing.  For tests/guest/phdr.sh.  Exits 1 with a
 * message on any error.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096u

static void die(const char *what)
{
	fprintf(stderr, "mkphdrmove: %s\n", what);
	exit(1);
}

static size_t align_up(size_t n)
{
	return (n + PAGE - 1) & ~(size_t)(PAGE - 1);
}

int main(int argc, char **argv)
{
	FILE *in, *out;
	unsigned char *image;
	long size;

	if (argc != 3)
		die("usage: mkphdrmove IN OUT");
	in = fopen(argv[1], "rb");
	if (!in || fseek(in, 0, SEEK_END) || (size = ftell(in)) < (long)sizeof(Elf64_Ehdr))
		die("cannot read the input");
	rewind(in);
	image = malloc((size_t)size);
	if (!image || fread(image, 1, (size_t)size, in) != (size_t)size)
		die("cannot read the input");
	fclose(in);

	Elf64_Ehdr eh;
	memcpy(&eh, image, sizeof eh);
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phentsize != sizeof(Elf64_Phdr) ||
	    eh.e_phoff + (size_t)eh.e_phnum * sizeof(Elf64_Phdr) > (size_t)size)
		die("not an ELF64 file with a program header table");

	Elf64_Phdr *old = (Elf64_Phdr *)(image + eh.e_phoff);
	Elf64_Phdr *table = calloc(eh.e_phnum + 2u, sizeof *table);
	size_t n = 1, offset = align_up((size_t)size);
	Elf64_Addr vaddr = 0;

	if (!table)
		die("out of memory");
	for (unsigned i = 0; i < eh.e_phnum; i++)
		if (old[i].p_type == PT_LOAD && align_up(old[i].p_vaddr + old[i].p_memsz) > vaddr)
			vaddr = align_up(old[i].p_vaddr + old[i].p_memsz);
	/* PT_PHDR first, the new PT_LOAD after the last one (ascending addresses). */
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		if (old[i].p_type == PT_PHDR)
			continue;
		table[n++] = old[i];
		if (old[i].p_type == PT_LOAD) {
			unsigned later = 0;

			for (unsigned j = i + 1; j < eh.e_phnum; j++)
				later += old[j].p_type == PT_LOAD;
			if (!later)
				table[n++] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R,
							   .p_offset = offset, .p_vaddr = vaddr,
							   .p_paddr = vaddr, .p_align = PAGE };
		}
	}
	size_t bytes = n * sizeof *table;
	table[0] = (Elf64_Phdr){ .p_type = PT_PHDR, .p_flags = PF_R, .p_offset = offset,
				 .p_vaddr = vaddr, .p_paddr = vaddr, .p_filesz = bytes,
				 .p_memsz = bytes, .p_align = 8 };
	for (size_t i = 0; i < n; i++)
		if (table[i].p_type == PT_LOAD && table[i].p_offset == offset)
			table[i].p_filesz = table[i].p_memsz = bytes;

	memset(old, 0, (size_t)eh.e_phnum * sizeof *old);
	eh.e_phoff = offset;
	eh.e_phnum = (Elf64_Half)n;
	memcpy(image, &eh, sizeof eh);

	static const unsigned char zeros[PAGE];
	out = fopen(argv[2], "wb");
	if (!out || fwrite(image, 1, (size_t)size, out) != (size_t)size ||
	    fwrite(zeros, 1, offset - (size_t)size, out) != offset - (size_t)size ||
	    fwrite(table, 1, bytes, out) != bytes || fclose(out))
		die("cannot write the output");
	return 0;
}
