/*
 * vdsocheck: refuses a vDSO image that the kernel must not map.
 *
 * usage: vdsocheck IMAGE DEBUG_IMAGE FUNCTION...
 *
 * IMAGE is the file the kernel embeds.  DEBUG_IMAGE is the same link before
 * stripping: it must carry the same build-id, and its symbol table tells
 * where the code expects the data page.  FUNCTION... is the complete list of
 * functions IMAGE must export in version RAINBOW_1.
 *
 * The rules are listed in docs/vdso.md.  Each broken rule prints one line on
 * stderr; the exit status is 1 if any rule is broken.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_file.h"
#include "vdso_data.h"
#include "vdso_names.h"

#define SONAME           VDSO_SONAME
#define VERSION_NODE     VDSO_VERSION_STRING
#define DATA_PAGE_SYMBOL "rb_vdso_data_page"

struct required {
	char **names;
	bool *found;
	int count;
};

static int violations;

static void violation(const struct elf_file *f, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "vdsocheck: %s: ", f->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	violations++;
}

static void check_header(const struct elf_file *f)
{
	if (f->ehdr->e_type != ET_DYN)
		violation(f, "e_type is %u, want ET_DYN", f->ehdr->e_type);
	if (f->ehdr->e_machine != EM_X86_64)
		violation(f, "e_machine is %u, want EM_X86_64",
			  f->ehdr->e_machine);
}

static const char *flags_name(uint32_t flags)
{
	static char name[4];

	snprintf(name, sizeof(name), "%s%s%s", flags & PF_R ? "R" : "",
		 flags & PF_W ? "W" : "", flags & PF_X ? "X" : "");
	return name;
}

/* The kernel maps the file's pages as they are: one R+X PT_LOAD at 0. */
static void check_load_segments(const struct elf_file *f)
{
	int loads = 0;

	for (int i = 0; i < f->ehdr->e_phnum; i++) {
		const Elf64_Phdr *ph = &f->phdrs[i];
		unsigned long vaddr = ph->p_vaddr;

		if (ph->p_type != PT_LOAD)
			continue;
		loads++;
		if (ph->p_flags & PF_W)
			violation(f, "writable PT_LOAD at vaddr %#lx", vaddr);
		else if (ph->p_flags != (PF_R | PF_X))
			violation(f, "PT_LOAD at vaddr %#lx is %s, want RX",
				  vaddr, flags_name(ph->p_flags));
		if (ph->p_vaddr != 0 || ph->p_offset != 0)
			violation(f, "PT_LOAD at vaddr %#lx offset %#lx, want "
				  "both 0", vaddr, (unsigned long)ph->p_offset);
		if (ph->p_memsz != ph->p_filesz)
			violation(f, "PT_LOAD at vaddr %#lx has memsz != "
				  "filesz (zero-filled memory)", vaddr);
	}
	if (loads != 1)
		violation(f, "%d PT_LOAD segments, want exactly 1", loads);
}

static void check_other_segments(const struct elf_file *f)
{
	const Elf64_Phdr *stack = elf_segment(f, PT_GNU_STACK);
	const unsigned char *id;
	uint32_t id_len;

	if (!elf_segment(f, PT_DYNAMIC))
		violation(f, "no PT_DYNAMIC");
	if (!elf_segment(f, PT_GNU_EH_FRAME))
		violation(f, "no PT_GNU_EH_FRAME (unwind tables)");
	if (!stack)
		violation(f, "no PT_GNU_STACK (means executable stack)");
	else if (stack->p_flags & PF_X)
		violation(f, "PT_GNU_STACK asks for an executable stack");
	if (!elf_build_id(f, &id, &id_len))
		violation(f, "no GNU build-id note in a PT_NOTE");
}

/* .dynamic must share the read-only segment: nothing may patch it. */
static void check_dynamic_read_only(const struct elf_file *f)
{
	const Elf64_Phdr *dyn = elf_segment(f, PT_DYNAMIC);

	for (int i = 0; i < f->ehdr->e_phnum; i++) {
		const Elf64_Phdr *ph = &f->phdrs[i];

		if (ph->p_type == PT_LOAD && dyn->p_vaddr >= ph->p_vaddr &&
		    dyn->p_vaddr + dyn->p_memsz <= ph->p_vaddr + ph->p_memsz) {
			if (ph->p_flags & PF_W)
				violation(f, ".dynamic is in a writable "
					  "segment");
			return;
		}
	}
	violation(f, ".dynamic is in no PT_LOAD");
}

/* Nobody relocates the vDSO: the kernel maps it, the crt only reads it. */
static void check_no_relocations(const struct elf_file *f,
				 const struct elf_dynamic *d)
{
	static const struct {
		int64_t table, size;
		const char *name;
	} tables[] = {
		{ DT_REL, DT_RELSZ, "DT_REL" },
		{ DT_RELA, DT_RELASZ, "DT_RELA" },
		{ DT_RELR, DT_RELRSZ, "DT_RELR" },
		{ DT_JMPREL, DT_PLTRELSZ, "DT_JMPREL" },
	};
	uint64_t size, flags;

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (elf_dyn_has(d, tables[i].table) &&
		    (!elf_dyn_value(d, tables[i].size, &size) || size != 0))
			violation(f, "has relocations (%s)", tables[i].name);
	if (elf_dyn_has(d, DT_TEXTREL) ||
	    (elf_dyn_value(d, DT_FLAGS, &flags) && (flags & DF_TEXTREL)))
		violation(f, "has relocations (DT_TEXTREL)");
}

/* Version index of the RAINBOW_1 definition, 0 if there is none. */
static unsigned version_index(const struct elf_file *f,
			      const struct elf_dynamic *d)
{
	uint64_t addr, count;

	if (!elf_dyn_value(d, DT_VERDEF, &addr) ||
	    !elf_dyn_value(d, DT_VERDEFNUM, &count))
		return 0;
	for (uint64_t i = 0; i < count; i++) {
		const Elf64_Verdef *vd = elf_vaddr_range(f, addr, sizeof(*vd));
		const Elf64_Verdaux *aux;

		if (!vd)
			return 0;
		aux = elf_vaddr_range(f, addr + vd->vd_aux, sizeof(*aux));
		if (aux && !(vd->vd_flags & VER_FLG_BASE) &&
		    !strcmp(elf_dyn_string(d, aux->vda_name), VERSION_NODE))
			return vd->vd_ndx;
		addr += vd->vd_next;
	}
	return 0;
}

static void check_dynamic_tags(const struct elf_file *f,
			       const struct elf_dynamic *d)
{
	uint64_t soname;

	if (!d->strtab)
		violation(f, "no readable DT_STRTAB");
	if (!elf_dyn_value(d, DT_SONAME, &soname))
		violation(f, "no DT_SONAME, want " SONAME);
	else if (strcmp(elf_dyn_string(d, soname), SONAME))
		violation(f, "DT_SONAME is \"%s\", want " SONAME,
			  elf_dyn_string(d, soname));
	if (!elf_dyn_has(d, DT_HASH))
		violation(f, "no DT_HASH");
	if (!elf_dyn_has(d, DT_GNU_HASH))
		violation(f, "no DT_GNU_HASH");
	if (!version_index(f, d))
		violation(f, "no DT_VERDEF defining " VERSION_NODE);
	check_no_relocations(f, d);
}

static int required_index(const struct required *req, const char *name)
{
	for (int i = 0; i < req->count; i++)
		if (!strcmp(req->names[i], name))
			return i;
	return -1;
}

/* ld adds an absolute symbol named after each version it defines. */
static bool is_version_symbol(const Elf64_Sym *sym, const char *name)
{
	return sym->st_shndx == SHN_ABS && !strcmp(name, VERSION_NODE);
}

static void check_export(const struct elf_file *f, const Elf64_Sym *sym,
			 const char *name, bool in_version,
			 struct required *req)
{
	int i = required_index(req, name);

	if (i < 0) {
		violation(f, "exports %s, not in the required list", name);
		return;
	}
	req->found[i] = true;
	if (ELF64_ST_TYPE(sym->st_info) != STT_FUNC)
		violation(f, "%s is not a function", name);
	if (!in_version)
		violation(f, "%s is not in version " VERSION_NODE, name);
}

/* Every dynamic symbol: none undefined, exactly the required exports. */
static void check_dynamic_symbols(const struct elf_file *f,
				  const struct elf_dynamic *d,
				  struct required *req)
{
	unsigned rainbow = version_index(f, d);
	uint64_t hash, symtab, versym;
	const Elf64_Half *versions = NULL;
	const uint32_t *nchain = NULL;
	const Elf64_Sym *syms = NULL;

	/* DT_HASH's nchain is the number of dynamic symbols. */
	if (elf_dyn_value(d, DT_HASH, &hash) &&
	    elf_dyn_value(d, DT_SYMTAB, &symtab))
		nchain = elf_vaddr_range(f, hash + 4, sizeof(*nchain));
	if (nchain)
		syms = elf_vaddr_range(f, symtab, *nchain * sizeof(*syms));
	if (!syms) {
		violation(f, "cannot read the dynamic symbols through DT_HASH");
		return;
	}
	if (elf_dyn_value(d, DT_VERSYM, &versym))
		versions = elf_vaddr_range(f, versym,
					   *nchain * sizeof(*versions));
	for (uint32_t i = 1; i < *nchain; i++) {
		const char *name = elf_dyn_string(d, syms[i].st_name);
		bool in_version = rainbow && versions &&
				  (versions[i] & VERSYM_VERSION) == rainbow;

		if (syms[i].st_shndx == SHN_UNDEF)
			violation(f, "undefined dynamic symbol %s", name);
		else if (ELF64_ST_BIND(syms[i].st_info) != STB_LOCAL &&
			 !is_version_symbol(&syms[i], name))
			check_export(f, &syms[i], name, in_version, req);
	}
	for (int i = 0; i < req->count; i++)
		if (!req->found[i])
			violation(f, "required function %s not exported",
				  req->names[i]);
}

static void check_image(const struct elf_file *f, struct required *req)
{
	struct elf_dynamic d;

	check_header(f);
	check_load_segments(f);
	check_other_segments(f);
	if (!elf_read_dynamic(f, &d))
		return;
	check_dynamic_read_only(f);
	check_dynamic_tags(f, &d);
	check_dynamic_symbols(f, &d, req);
}

/* The code reaches the data page at a fixed distance below the image. */
static void check_debug_image(const struct elf_file *dbg,
			      const struct elf_file *image)
{
	const Elf64_Addr want = (Elf64_Addr)0 - RB_VDSO_DATA_OFFSET;
	const unsigned char *id, *dbg_id;
	uint32_t len, dbg_len;
	const Elf64_Sym *sym;

	if (elf_build_id(image, &id, &len) &&
	    (!elf_build_id(dbg, &dbg_id, &dbg_len) || len != dbg_len ||
	     memcmp(id, dbg_id, len)))
		violation(dbg, "build-id differs from %s: not the same link",
			  image->path);
	sym = elf_symtab_lookup(dbg, DATA_PAGE_SYMBOL);
	if (!sym)
		violation(dbg, "no symbol " DATA_PAGE_SYMBOL " (data page)");
	else if (sym->st_value != want)
		violation(dbg, DATA_PAGE_SYMBOL " at %#lx, want %#lx "
			  "(RB_VDSO_DATA_OFFSET below the image)",
			  (unsigned long)sym->st_value, (unsigned long)want);
}

static bool load(struct elf_file *f, const char *path)
{
	const char *error = elf_load(f, path);

	if (error)
		violation(f, "%s", error);
	return !error;
}

int main(int argc, char **argv)
{
	struct elf_file image = { 0 }, dbg = { 0 };
	struct required req = { argv + 3, NULL, argc - 3 };

	if (argc < 4) {
		fprintf(stderr, "usage: vdsocheck IMAGE DEBUG_IMAGE "
			"FUNCTION...\n");
		return 2;
	}
	req.found = calloc(req.count, sizeof(*req.found));
	if (!req.found)
		return 1;
	if (load(&image, argv[1]))
		check_image(&image, &req);
	if (image.ehdr && load(&dbg, argv[2]))
		check_debug_image(&dbg, &image);
	return violations ? 1 : 0;
}
