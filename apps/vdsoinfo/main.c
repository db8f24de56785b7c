/*
 * vdsoinfo: the vDSO as this task sees it, read from memory through
 * AT_SYSINFO_EHDR with the crt's own lookup code (<rainbow/dso.h>): its
 * SONAME, version definitions, and every exported symbol with the address
 * a lookup by name and version resolves it to.
 */
#include <elf.h>
#include <stdio.h>
#include <sys/auxv.h>

#include <rainbow/dso.h>

static const char *symbol_type(unsigned char info)
{
	switch (ELF64_ST_TYPE(info)) {
	case STT_FUNC:   return "func";
	case STT_OBJECT: return "object";
	case STT_NOTYPE: return "notype";
	default:         return "other";
	}
}

static void print_versions(const struct rb_dso *dso)
{
	const Elf64_Verdef *vd = dso->verdef;

	printf("version definitions:\n");
	while (vd) {
		const Elf64_Verdaux *aux = (const void *)((const char *)vd + vd->vd_aux);

		printf("  %u %-20s%s\n", vd->vd_ndx, dso->strtab + aux->vda_name,
		       vd->vd_flags & VER_FLG_BASE ? " (base: the file itself)" : "");
		vd = vd->vd_next ? (const void *)((const char *)vd + vd->vd_next) : NULL;
	}
}

static void print_symbols(const struct rb_dso *dso)
{
	size_t count = rb_dso_symbol_count(dso);

	printf("symbols (%zu):\n", count - 1);
	for (size_t i = 1; i < count; i++) {
		const Elf64_Sym *sym = &dso->symtab[i];
		const char *name = dso->strtab + sym->st_name;
		const char *version = rb_dso_symbol_version(dso, i);
		void *resolved = rb_dso_function(dso, name, version);

		printf("  %-24s %-10s %-6s ", name, version ? version : "-",
		       symbol_type(sym->st_info));
		if (resolved)
			printf("%p\n", resolved);
		else
			printf("(not a function)\n");
	}
}

int main(void)
{
	const void *image = (const void *)getauxval(AT_SYSINFO_EHDR);
	struct rb_dso dso;

	if (!image || !rb_dso_open(&dso, image)) {
		fprintf(stderr, "vdsoinfo: no vDSO at AT_SYSINFO_EHDR\n");
		return 1;
	}
	printf("vDSO at %p, load bias %#lx\n", image, (unsigned long)dso.bias);
	printf("SONAME %s\n", dso.soname ? dso.soname : "(none)");
	print_versions(&dso);
	print_symbols(&dso);
	return 0;
}
