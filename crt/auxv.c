/*
 * The auxiliary vector the kernel put above envp, for getauxval().
 */
#include <errno.h>
#include <sys/auxv.h>

#include "crt.h"
#include "glue.h"

static const Elf64_auxv_t *auxv;

void __rb_auxv_init(const Elf64_auxv_t *vector)
{
	auxv = vector;
}

static const Elf64_auxv_t *find(unsigned long type)
{
	for (const Elf64_auxv_t *a = auxv; a && a->a_type != AT_NULL; a++) {
		if (a->a_type == type)
			return a;
	}
	return NULL;
}

unsigned long __rb_auxv_value(unsigned long type)
{
	const Elf64_auxv_t *a = find(type);

	return a ? a->a_un.a_val : 0;
}

unsigned long getauxval(unsigned long type)
{
	const Elf64_auxv_t *a = find(type);

	if (a)
		return a->a_un.a_val;
	__rb_syscall_ret(-ENOENT);
	return 0;
}
