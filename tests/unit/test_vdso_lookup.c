/*
 * Host tests of the crt's vDSO lookup (crt/dso_lookup.c).
 *
 * build/vdso/vdso.so is placed in memory the way a loader would, at a bias,
 * and every entry point the crt binds (vdso/calls.def) must resolve to
 * what a plain scan of .dynsym finds; the crt must bind every function the
 * image exports.  The lookup needs DT_HASH alone: hiding DT_GNU_HASH
 * changes nothing, hiding DT_HASH refuses the image.  The host's own Linux
 * vDSO, a DSO nobody here built, is the last check.
 */
#include <elf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <time.h>

#include <cmocka.h>

#include <rainbow/dso.h>

#define VDSO_PATH    "build/vdso/vdso.so"
#define VDSO_VERSION "RAINBOW_1"
#define SONAME       "rainbow-vdso.so.1"
#define PAGE         4096ul

static const char *const entry_names[] = {
#define RB_VDSO(function) #function,
#include "calls.def"
};
#define ENTRY_COUNT (sizeof entry_names / sizeof entry_names[0])

struct loaded {
	unsigned char *file;          /* the file as read */
	size_t file_size;
	unsigned char *image;         /* its PT_LOADs, placed at a bias */
	size_t image_size;
};

static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *bytes;
	long n;

	if (!f)
		fail_msg("cannot open %s (build it first: make %s)", path, path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	bytes = malloc((size_t)n);
	assert_non_null(bytes);
	assert_int_equal(fread(bytes, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*size = (size_t)n;
	return bytes;
}

/* Lays the PT_LOADs out in fresh writable memory, as the kernel maps them. */
static void place_segments(struct loaded *l)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)l->file;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(l->file + eh->e_phoff);
	Elf64_Addr lowest = UINT64_MAX, highest = 0;

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_vaddr < lowest)
			lowest = ph[i].p_vaddr;
		if (ph[i].p_vaddr + ph[i].p_memsz > highest)
			highest = ph[i].p_vaddr + ph[i].p_memsz;
	}
	assert_true(lowest % PAGE == 0 && lowest < highest);
	l->image_size = (highest - lowest + PAGE - 1) & ~(PAGE - 1);
	l->image = mmap(NULL, l->image_size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(l->image != MAP_FAILED);
	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD)
			memcpy(l->image + (ph[i].p_vaddr - lowest),
			       l->file + ph[i].p_offset, ph[i].p_filesz);
	}
}

static int load_vdso(void **state)
{
	struct loaded *l = calloc(1, sizeof *l);

	assert_non_null(l);
	l->file = read_file(VDSO_PATH, &l->file_size);
	place_segments(l);
	*state = l;
	return 0;
}

static int unload_vdso(void **state)
{
	struct loaded *l = *state;

	munmap(l->image, l->image_size);
	free(l->file);
	free(l);
	return 0;
}

static const Elf64_Shdr *section_headers(const struct loaded *l)
{
	return (const Elf64_Shdr *)(l->file + ((const Elf64_Ehdr *)l->file)->e_shoff);
}

static const Elf64_Shdr *section(const struct loaded *l, Elf64_Word type)
{
	const Elf64_Shdr *sh = section_headers(l);

	for (unsigned i = 0; i < ((const Elf64_Ehdr *)l->file)->e_shnum; i++) {
		if (sh[i].sh_type == type)
			return &sh[i];
	}
	fail_msg("no section of type %u", type);
	return NULL;
}

/* The reference answer: a linear scan of .dynsym in the file. */
static Elf64_Addr scan_dynsym(const struct loaded *l, const char *name)
{
	const Elf64_Shdr *dynsym = section(l, SHT_DYNSYM);
	const Elf64_Shdr *dynstr = &section_headers(l)[dynsym->sh_link];
	const Elf64_Sym *sym = (const Elf64_Sym *)(l->file + dynsym->sh_offset);
	size_t count = dynsym->sh_size / sizeof *sym;

	for (size_t i = 1; i < count; i++) {
		if (strcmp((const char *)l->file + dynstr->sh_offset + sym[i].st_name, name) == 0)
			return sym[i].st_value;
	}
	fail_msg("%s is not in .dynsym", name);
	return 0;
}

/* Turns the dynamic entry tag into one the lookup ignores. */
static void hide_dynamic_entry(struct loaded *l, Elf64_Sxword tag)
{
	const Elf64_Shdr *dynamic = section(l, SHT_DYNAMIC);
	Elf64_Dyn *dyn = (Elf64_Dyn *)(l->image + dynamic->sh_addr);

	for (; dyn->d_tag != DT_NULL; dyn++) {
		if (dyn->d_tag == tag) {
			dyn->d_tag = DT_DEBUG;
			return;
		}
	}
	fail_msg("no dynamic entry %ld", (long)tag);
}

static void expect_every_entry(const struct loaded *l)
{
	struct rb_dso dso;

	assert_true(rb_dso_open(&dso, l->image));
	assert_int_equal(dso.bias, (uintptr_t)l->image);
	for (size_t i = 0; i < ENTRY_COUNT; i++) {
		void *found = rb_dso_function(&dso, entry_names[i], VDSO_VERSION);

		assert_ptr_equal(found, l->image + scan_dynsym(l, entry_names[i]));
	}
}

static void test_opens_the_image(void **state)
{
	struct loaded *l = *state;
	struct rb_dso dso;

	assert_true(rb_dso_open(&dso, l->image));
	assert_non_null(dso.hash);
	assert_non_null(dso.versym);
	assert_non_null(dso.verdef);
	assert_string_equal(dso.soname, SONAME);
}

static void test_every_entry_resolves(void **state)
{
	expect_every_entry(*state);
}

/* An export the crt does not bind would be out of apps' reach. */
static void test_every_export_is_bound(void **state)
{
	struct loaded *l = *state;
	const Elf64_Shdr *dynsym = section(l, SHT_DYNSYM);
	const Elf64_Sym *sym = (const Elf64_Sym *)(l->file + dynsym->sh_offset);
	size_t functions = 0;

	for (size_t i = 1; i < dynsym->sh_size / sizeof *sym; i++)
		functions += ELF64_ST_TYPE(sym[i].st_info) == STT_FUNC &&
			     sym[i].st_shndx != SHN_UNDEF;
	assert_int_equal(functions, ENTRY_COUNT);
}

static void test_sysv_hash_alone(void **state)
{
	struct loaded *l = *state;

	hide_dynamic_entry(l, DT_GNU_HASH);
	expect_every_entry(l);
}

/* DT_HASH is the one the lookup reads: without it there is nothing. */
static void test_needs_sysv_hash(void **state)
{
	struct loaded *l = *state;
	struct rb_dso dso;

	hide_dynamic_entry(l, DT_HASH);
	assert_false(rb_dso_open(&dso, l->image));
}

static void test_version_must_match(void **state)
{
	struct loaded *l = *state;
	struct rb_dso dso;

	assert_true(rb_dso_open(&dso, l->image));
	assert_null(rb_dso_function(&dso, "rb_yield", "RAINBOW_2"));
	assert_null(rb_dso_function(&dso, "rb_yield", SONAME));
	assert_non_null(rb_dso_function(&dso, "rb_yield", NULL));
}

static void test_only_defined_functions(void **state)
{
	struct loaded *l = *state;
	struct rb_dso dso;

	assert_true(rb_dso_open(&dso, l->image));
	assert_null(rb_dso_function(&dso, "rb_no_such_call", VDSO_VERSION));
	assert_null(rb_dso_function(&dso, "", VDSO_VERSION));
	/* The version node's own symbol is an absolute object, not a function. */
	assert_null(rb_dso_function(&dso, VDSO_VERSION, NULL));
	/* Local symbols are not exported. */
	assert_null(rb_dso_function(&dso, "rb_vdso_data_page", NULL));
}

/* A symbol's entry in the placed image's .dynsym, to spoil. */
static Elf64_Sym *placed_symbol(const struct rb_dso *dso, const char *name)
{
	for (size_t i = 1; i < rb_dso_symbol_count(dso); i++) {
		if (strcmp(dso->strtab + dso->symtab[i].st_name, name) == 0)
			return (Elf64_Sym *)&dso->symtab[i];
	}
	fail_msg("%s is not in the placed .dynsym", name);
	return NULL;
}

static void test_spoiled_symbols_not_found(void **state)
{
	struct loaded *l = *state;
	struct rb_dso dso;
	Elf64_Sym *sym, saved;

	assert_true(rb_dso_open(&dso, l->image));
	sym = placed_symbol(&dso, "rb_yield");
	saved = *sym;
	sym->st_info = ELF64_ST_INFO(STB_LOCAL, STT_FUNC);
	assert_null(rb_dso_function(&dso, "rb_yield", VDSO_VERSION));
	sym->st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT);
	assert_null(rb_dso_function(&dso, "rb_yield", VDSO_VERSION));
	*sym = saved;
	sym->st_shndx = SHN_UNDEF;
	assert_null(rb_dso_function(&dso, "rb_yield", VDSO_VERSION));
	*sym = saved;
	sym->st_info = ELF64_ST_INFO(STB_WEAK, STT_FUNC);
	assert_non_null(rb_dso_function(&dso, "rb_yield", VDSO_VERSION));
}

static void test_symbol_walk(void **state)
{
	struct loaded *l = *state;
	const Elf64_Shdr *dynsym = section(l, SHT_DYNSYM);
	size_t expected = dynsym->sh_size / sizeof(Elf64_Sym);
	struct rb_dso dso;

	assert_true(rb_dso_open(&dso, l->image));
	assert_int_equal(rb_dso_symbol_count(&dso), expected);
	for (size_t i = 1; i < expected; i++)
		assert_string_equal(rb_dso_symbol_version(&dso, i), VDSO_VERSION);
	assert_string_equal(rb_dso_version_name(&dso, 2), VDSO_VERSION);
	assert_null(rb_dso_version_name(&dso, 1));   /* the base: the file itself */
}

static void test_refuses_what_is_not_a_dso(void **state)
{
	struct loaded *l = *state;
	static const unsigned char junk[64] = "not an ELF file";
	Elf64_Ehdr *eh = (Elf64_Ehdr *)l->image;
	struct rb_dso dso;

	assert_false(rb_dso_open(&dso, NULL));
	assert_false(rb_dso_open(&dso, junk));
	eh->e_type = ET_EXEC;
	assert_false(rb_dso_open(&dso, l->image));
	eh->e_type = ET_DYN;
	hide_dynamic_entry(l, DT_HASH);
	hide_dynamic_entry(l, DT_GNU_HASH);
	assert_false(rb_dso_open(&dso, l->image));
}

/* The same code on the vDSO Linux maps into this test. */
static void test_host_vdso(void **state)
{
	const void *image = (const void *)getauxval(AT_SYSINFO_EHDR);
	int (*vdso_clock_gettime)(clockid_t, struct timespec *);
	struct timespec before, during, after;
	struct rb_dso dso;

	(void)state;
	if (!image)
		skip();
	assert_true(rb_dso_open(&dso, image));
	vdso_clock_gettime = (int (*)(clockid_t, struct timespec *))
		rb_dso_function(&dso, "__vdso_clock_gettime", "LINUX_2.6");
	assert_non_null(vdso_clock_gettime);
	assert_int_equal(clock_gettime(CLOCK_MONOTONIC, &before), 0);
	assert_int_equal(vdso_clock_gettime(CLOCK_MONOTONIC, &during), 0);
	assert_int_equal(clock_gettime(CLOCK_MONOTONIC, &after), 0);
	assert_true(before.tv_sec <= during.tv_sec && during.tv_sec <= after.tv_sec);
	assert_null(rb_dso_function(&dso, "__vdso_clock_gettime", VDSO_VERSION));
}

#define WITH_VDSO(test) cmocka_unit_test_setup_teardown(test, load_vdso, unload_vdso)

int main(void)
{
	const struct CMUnitTest tests[] = {
		WITH_VDSO(test_opens_the_image),
		WITH_VDSO(test_every_entry_resolves),
		WITH_VDSO(test_every_export_is_bound),
		WITH_VDSO(test_sysv_hash_alone),
		WITH_VDSO(test_needs_sysv_hash),
		WITH_VDSO(test_version_must_match),
		WITH_VDSO(test_only_defined_functions),
		WITH_VDSO(test_spoiled_symbols_not_found),
		WITH_VDSO(test_symbol_walk),
		WITH_VDSO(test_refuses_what_is_not_a_dso),
		cmocka_unit_test(test_host_vdso),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
