/*
 * A module with a 56 MiB .bss, under the 72 MiB limit its bundle line gives:
 * several of them fill the machine, and the kernel must refuse the ones
 * that would take its reserve (mem_modules.sh).  Writes every page of its
 * .bss, checks it read back, exits 0.
 */
#include <stdio.h>

#include <rainbow/syscall.h>

#define BSS_BYTES (56ul << 20)

static char big[BSS_BYTES];

int main(void)
{
	unsigned long bad = 0;

	for (unsigned long off = 0; off < BSS_BYTES; off += RB_PAGE_SIZE)
		big[off] = (char)(off >> 12);
	for (unsigned long off = 0; off < BSS_BYTES; off += RB_PAGE_SIZE)
		bad += big[off] != (char)(off >> 12);
	printf("mem_bigbss: %lu MiB of .bss written, %lu pages wrong\n", BSS_BYTES >> 20, bad);
	return bad != 0;
}
