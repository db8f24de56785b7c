/*
 * fault_vdso: writes into the vDSO image, which every task maps read+exec.
 */
#include <elf.h>
#include <stdio.h>
#include <sys/auxv.h>

int main(void)
{
	volatile char *image = (volatile char *)getauxval(AT_SYSINFO_EHDR);

	printf("fault_vdso: writing into the vDSO at %p\n", (void *)image);
	image[0] = 0;
	printf("fault_vdso: still running, the vDSO is writable\n");
	return 1;
}
