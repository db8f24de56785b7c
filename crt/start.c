/*
 * What happens between the kernel's entry into _start and main().
 */
#include <elf.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/_initfini.h>

#include <picotls.h>

#include "crt.h"

extern char **environ;
int main(int argc, char **argv, char **envp);

/*
 * sp points at the initial stack: argc, argv[], NULL, envp[], NULL, auxv.
 * Never returns, so its frame lasts as long as the task: the main thread's
 * TLS block lives in it.
 */
_Noreturn void __rb_start(uintptr_t *sp)
{
	/* First: until relocated, a static-pie must not read pointers from data. */
	int relocated = __rb_relocate();
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **end_of_envp = envp;

	while (*end_of_envp)
		end_of_envp++;
	__rb_auxv_init((const Elf64_auxv_t *)(end_of_envp + 1));

	__rb_vdso_bind((const void *)__rb_auxv_value(AT_SYSINFO_EHDR));
	if (relocated != 0)
		__rb_crt_fail("static-pie relocation other than R_X86_64_RELATIVE", "");

	char tls_area[__rb_tls_area_size()];
	_set_tls(__rb_tls_init(tls_area));

	environ = envp;
	__libc_init_array();
	exit(main(argc, argv, envp));
}
