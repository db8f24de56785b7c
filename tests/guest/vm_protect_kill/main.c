/*
 * vm_protect_kill: makes a page of its own read-only with mprotect, then
 * writes it, and must be killed for it (vm.sh).
 */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p, 4096, PROT_READ) != 0) {
		printf("vm_protect_kill: could not set up\n");
		return 2;
	}
	printf("vm_protect_kill: writing a read-only page\n");
	*(volatile char *)p = 1;
	printf("vm_protect_kill: still running\n");
	return 1;
}
