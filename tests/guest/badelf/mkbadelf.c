/*
 * mkbadelf KIND good.elf out.elf
 *
 * Writes a copy of a good app with one defect the kernel's loader must
 * refuse, so guest tests can boot it and expect the refusal.  Kinds:
 *   truncated       file cut right after the program headers
 *   badmagic        first magic byte wrong
 *   class32         EI_CLASS says ELFCLASS32
 *   machine         e_machine says AArch64
 *   overlap         second-lowest PT_LOAD moved onto the lowest one's page
 *   outside-file    program header table runs past the end of the file
 *   entry-outside   entry point just past the last loaded page
 *   writable-exec   the executable PT_LOAD also made writable
 *   kernel-address  first PT_LOAD moved to the kernel image address
 *
 * Host tool, on the tree's one <elf.h> (include/elf.h) like the kernel: the
 * modules it damages are real binaries from the host's linker, which keeps
 * the definitions honest.
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_SIZE   4096u
#define KERNEL_BASE 0xffffffff80000000ull

struct elf {
	unsigned char *bytes;
	size_t size;
	Elf64_Ehdr eh;
	Elf64_Off table;              /* where ph came from and goes back */
	Elf64_Phdr *ph;
};

static _Noreturn void die(const char *what, const char *detail)
{
	fprintf(stderr, "mkbadelf: %s%s%s\n", what, detail ? ": " : "",
		detail ? detail : "");
	exit(1);
}

static void read_file(struct elf *e, const char *path)
{
	FILE *f = fopen(path, "rb");
	long size;

	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET))
		die("cannot read", path);
	e->size = (size_t)size;
	e->bytes = malloc(e->size ? e->size : 1);
	if (!e->bytes || fread(e->bytes, 1, e->size, f) != e->size)
		die("cannot read", path);
	fclose(f);
}

/* Only a sane ELF64 x86-64 app makes a meaningful starting point. */
static void load(struct elf *e, const char *path)
{
	size_t table_size;

	read_file(e, path);
	if (e->size < sizeof e->eh)
		die("not an ELF64 file", path);
	memcpy(&e->eh, e->bytes, sizeof e->eh);
	if (memcmp(e->eh.e_ident, ELFMAG, SELFMAG) ||
	    e->eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    e->eh.e_machine != EM_X86_64 ||
	    e->eh.e_phentsize != sizeof(Elf64_Phdr))
		die("not an ELF64 x86-64 file", path);
	e->table = e->eh.e_phoff;
	table_size = (size_t)e->eh.e_phnum * sizeof(Elf64_Phdr);
	if (e->table > e->size || table_size > e->size - e->table)
		die("program headers outside the file", path);
	e->ph = malloc(table_size ? table_size : 1);
	if (!e->ph)
		die("out of memory", NULL);
	memcpy(e->ph, e->bytes + e->table, table_size);
}

static void save(const struct elf *e, const char *path)
{
	FILE *f = fopen(path, "wb");
	size_t table_size = (size_t)e->eh.e_phnum * sizeof(Elf64_Phdr);

	if (e->table + table_size <= e->size)
		memcpy(e->bytes + e->table, e->ph, table_size);
	memcpy(e->bytes, &e->eh, sizeof e->eh);
	if (!f || fwrite(e->bytes, 1, e->size, f) != e->size || fclose(f))
		die("cannot write", path);
}

static uint64_t page_down(uint64_t a)
{
	return a & ~(uint64_t)(PAGE_SIZE - 1);
}

/* The n-th lowest PT_LOAD with memory (n = 0, 1), or NULL. */
static Elf64_Phdr *nth_lowest_load(struct elf *e, unsigned n)
{
	Elf64_Phdr *found[2] = { NULL, NULL };
	unsigned i;

	for (i = 0; i < e->eh.e_phnum; i++) {
		Elf64_Phdr *p = &e->ph[i];

		if (p->p_type != PT_LOAD || p->p_memsz == 0)
			continue;
		if (!found[0] || p->p_vaddr < found[0]->p_vaddr) {
			found[1] = found[0];
			found[0] = p;
		} else if (!found[1] || p->p_vaddr < found[1]->p_vaddr) {
			found[1] = p;
		}
	}
	return found[n];
}

static Elf64_Phdr *load_with_flag(struct elf *e, Elf64_Word flag)
{
	unsigned i;

	for (i = 0; i < e->eh.e_phnum; i++)
		if (e->ph[i].p_type == PT_LOAD && e->ph[i].p_memsz &&
		    (e->ph[i].p_flags & flag))
			return &e->ph[i];
	die("no PT_LOAD with the needed flag", NULL);
}

static void make_truncated(struct elf *e)
{
	size_t keep = e->table + (size_t)e->eh.e_phnum * sizeof(Elf64_Phdr);

	if (keep < sizeof e->eh)
		keep = sizeof e->eh;
	if (keep >= e->size)
		die("nothing after the program headers to cut", NULL);
	e->size = keep;
}

static void make_badmagic(struct elf *e)
{
	e->eh.e_ident[EI_MAG0] ^= 0x01;
}

static void make_class32(struct elf *e)
{
	e->eh.e_ident[EI_CLASS] = ELFCLASS32;
}

static void make_machine(struct elf *e)
{
	e->eh.e_machine = EM_AARCH64;
}

/* Same offset modulo the page size, so only the overlap is wrong. */
static void make_overlap(struct elf *e)
{
	Elf64_Phdr *low = nth_lowest_load(e, 0);
	Elf64_Phdr *high = nth_lowest_load(e, 1);

	if (!high)
		die("need two PT_LOADs to overlap", NULL);
	high->p_vaddr = page_down(low->p_vaddr) + high->p_offset % PAGE_SIZE;
	high->p_paddr = high->p_vaddr;
}

static void make_outside_file(struct elf *e)
{
	if (e->eh.e_phnum == 0)
		die("no program headers", NULL);
	e->eh.e_phoff = e->size - 1;
}

static void make_entry_outside(struct elf *e)
{
	uint64_t end = 0;
	unsigned i;

	for (i = 0; i < e->eh.e_phnum; i++) {
		const Elf64_Phdr *p = &e->ph[i];

		if (p->p_type == PT_LOAD && p->p_vaddr + p->p_memsz > end)
			end = p->p_vaddr + p->p_memsz;
	}
	e->eh.e_entry = page_down(end + PAGE_SIZE - 1);
}

static void make_writable_exec(struct elf *e)
{
	load_with_flag(e, PF_X)->p_flags |= PF_W;
}

static void make_kernel_address(struct elf *e)
{
	Elf64_Phdr *p = nth_lowest_load(e, 0);

	if (!p)
		die("no PT_LOAD", NULL);
	p->p_vaddr = KERNEL_BASE + p->p_vaddr % PAGE_SIZE;
	p->p_paddr = p->p_vaddr;
}

static const struct kind {
	const char *name;
	void (*make)(struct elf *e);
} kinds[] = {
	{ "truncated", make_truncated },
	{ "badmagic", make_badmagic },
	{ "class32", make_class32 },
	{ "machine", make_machine },
	{ "overlap", make_overlap },
	{ "outside-file", make_outside_file },
	{ "entry-outside", make_entry_outside },
	{ "writable-exec", make_writable_exec },
	{ "kernel-address", make_kernel_address },
};

static _Noreturn void usage(void)
{
	size_t i;

	fprintf(stderr, "usage: mkbadelf KIND good.elf out.elf\nkinds:");
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		fprintf(stderr, " %s", kinds[i].name);
	fputc('\n', stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	struct elf e;
	size_t i;

	if (argc != 4)
		usage();
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(argv[1], kinds[i].name))
			break;
	if (i == sizeof kinds / sizeof kinds[0])
		usage();
	load(&e, argv[2]);
	kinds[i].make(&e);
	save(&e, argv[3]);
	free(e.ph);
	free(e.bytes);
	return 0;
}
