/*
 * What happens between the kernel's entry into _start and main().
 */
#include <elf.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/_initfini.h>

#include <picotls.h>
#include <rainbow/syscall.h>

#include "crt.h"

extern char **environ;
int main(int argc, char **argv, char **envp);

/*
 * sp points at the initial stack: argc, argv[], NULL, envp[], NULL, auxv.
 * Never returns.  The main thread's TLS block gets its own mapping, as a
 * thread's does, so that its size is bounded by memory, not by the stack.
 */
_Noreturn void __rb_start(uintptr_t *sp)
{
	/*
	 * Until relocated, a static-pie must not read pointers from data: the
	 * stack and the auxiliary vector only, which give the load bias.
	 */
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **end_of_envp = envp;

	while (*end_of_envp)
		end_of_envp++;
	__rb_auxv_init((const Elf64_auxv_t *)(end_of_envp + 1));
	int relocated = __rb_relocate();

	__rb_vdso_bind((const void *)__rb_auxv_value(AT_SYSINFO_EHDR));
	if (relocated != 0)
		__rb_crt_fail("static-pie relocation other than R_X86_64_RELATIVE", "");

	size_t tls_size = __rb_tls_area_size();
	long tls_area = tls_size ? rb_mem_map(NULL, tls_size, RB_PROT_READ | RB_PROT_WRITE) : -1;

	if (tls_area < 0)
		__rb_crt_fail("no memory for the main thread's TLS block", "");
	_set_tls(__rb_tls_init((void *)tls_area));

	environ = envp;
	__libc_init_array();
	exit(main(argc, argv, envp));
}
