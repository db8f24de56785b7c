/*
 * args: what the kernel hands a new task, as the crt found it: argc, argv,
 * envp and the auxiliary vector that follows envp on the initial stack.
 */
#include <elf.h>
#include <inttypes.h>
#include <stdio.h>

static const char *const aux_names[] = {
	[AT_IGNORE] = "AT_IGNORE",       [AT_EXECFD] = "AT_EXECFD",
	[AT_PHDR] = "AT_PHDR",           [AT_PHENT] = "AT_PHENT",
	[AT_PHNUM] = "AT_PHNUM",         [AT_PAGESZ] = "AT_PAGESZ",
	[AT_BASE] = "AT_BASE",           [AT_FLAGS] = "AT_FLAGS",
	[AT_ENTRY] = "AT_ENTRY",         [AT_NOTELF] = "AT_NOTELF",
	[AT_UID] = "AT_UID",             [AT_EUID] = "AT_EUID",
	[AT_GID] = "AT_GID",             [AT_EGID] = "AT_EGID",
	[AT_PLATFORM] = "AT_PLATFORM",   [AT_HWCAP] = "AT_HWCAP",
	[AT_CLKTCK] = "AT_CLKTCK",       [AT_SECURE] = "AT_SECURE",
	[AT_BASE_PLATFORM] = "AT_BASE_PLATFORM",
	[AT_RANDOM] = "AT_RANDOM",       [AT_HWCAP2] = "AT_HWCAP2",
	[AT_EXECFN] = "AT_EXECFN",       [AT_SYSINFO_EHDR] = "AT_SYSINFO_EHDR",
	[AT_MINSIGSTKSZ] = "AT_MINSIGSTKSZ",
};

static void print_aux(const Elf64_auxv_t *a)
{
	uint64_t type = a->a_type, value = a->a_un.a_val;
	const char *name = type < sizeof aux_names / sizeof *aux_names ? aux_names[type] : NULL;

	if (name)
		printf("  %-18s 0x%" PRIx64, name, value);
	else
		printf("  type %-13" PRIu64 " 0x%" PRIx64, type, value);
	if ((type == AT_EXECFN || type == AT_PLATFORM) && value)
		printf("  \"%s\"", (const char *)value);
	if (type == AT_RANDOM && value) {
		printf("  ");
		for (int i = 0; i < 16; i++)
			printf("%02x", ((const unsigned char *)value)[i]);
	}
	printf("\n");
}

int main(int argc, char **argv, char **envp)
{
	char **env = envp;

	printf("argc = %d\n", argc);
	for (int i = 0; i <= argc; i++)
		printf("argv[%d] = %s%s%s\n", i, argv[i] ? "\"" : "",
		       argv[i] ? argv[i] : "NULL", argv[i] ? "\"" : "");
	for (; *env; env++)
		printf("env: %s\n", *env);
	printf("auxv:\n");
	for (const Elf64_auxv_t *a = (const Elf64_auxv_t *)(env + 1); a->a_type != AT_NULL; a++)
		print_aux(a);
	return 0;
}
