/*
 * Prints the vDSO exactly as it is mapped in this task, in hex, so a host
 * test can compare it byte for byte with build/vdso/vdso.so.  The file size
 * is where its section header table ends (last in a linked file).
 */
#include <elf.h>
#include <stdio.h>
#include <sys/auxv.h>

#define BYTES_PER_LINE 32

int main(void)
{
	const unsigned char *image = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;

	if (!image) {
		printf("vdsodump: no AT_SYSINFO_EHDR\n");
		return 1;
	}
	unsigned long size = eh->e_shoff + (unsigned long)eh->e_shnum * eh->e_shentsize;
	printf("vdso-dump-begin %lu\n", size);
	for (unsigned long i = 0; i < size; i++)
		printf("%02x%s", image[i], (i + 1) % BYTES_PER_LINE == 0 || i + 1 == size ? "\n" : "");
	printf("vdso-dump-end\n");
	return 0;
}
