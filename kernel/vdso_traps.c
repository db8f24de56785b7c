/*
 * The vDSO's kernel entries, read once from its image: the sections
 * .rb_trap_sites (int $0x80) and .rb_ipc_sites (SYSCALL) hold, per entry
 * instruction, the call's number or IPC operation and the instruction's
 * distance from that word (vdso/trap.h).  The image is the kernel's own,
 * built with it, but is read with bounds checks all the same.
 */
#include "vdso_traps.h"
#include "vdso_map.h"
#include "panic.h"
#include "log.h"
#include "arch/interrupt.h"
#include "arch/ipc_frame.h"
#include "ipc_abi.h"
#include <elf.h>
#include <string.h>

#define SITE_RECORD 8		/* two 32-bit words: number, distance */

uint64_t vdso_trap_return[] = {
#define RB_TRAP(number, name, function) [number] = 0,
#include "calls.def"
};

#define TRAP_COUNT (sizeof vdso_trap_return / sizeof vdso_trap_return[0])

uint64_t vdso_ipc_return[IPC_OP_COUNT];

/* The section named name, or NULL. */
static const Elf64_Shdr *section_named(const uint8_t *image, size_t size, const char *name)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;

	if (size < sizeof(*eh) || eh->e_shentsize != sizeof(Elf64_Shdr) || eh->e_shoff > size ||
	    (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr) > size - eh->e_shoff || eh->e_shstrndx >= eh->e_shnum)
		return NULL;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(image + eh->e_shoff);
	const Elf64_Shdr *names = &sh[eh->e_shstrndx];
	size_t len = strlen(name) + 1;
	if (names->sh_offset > size || names->sh_size > size - names->sh_offset)
		return NULL;
	for (unsigned i = 0; i < eh->e_shnum; i++)
		if (sh[i].sh_name < names->sh_size && names->sh_size - sh[i].sh_name >= len &&
		    !memcmp(image + names->sh_offset + sh[i].sh_name, name, len))
			return &sh[i];
	return NULL;
}

/*
 * Fill table[number] (count slots) with the offset from the image's start
 * of the byte after each site of the section, an instruction of
 * insn_bytes; the number of sites.
 */
static uint64_t read_sites(const uint8_t *image, size_t size, const char *section,
			   uint64_t *table, size_t count, unsigned insn_bytes)
{
	const Elf64_Shdr *s = section_named(image, size, section);

	if (!s || s->sh_size % SITE_RECORD || s->sh_offset > size || s->sh_size > size - s->sh_offset)
		panic("the vDSO has no readable %s", section);
	for (uint64_t off = 0; off < s->sh_size; off += SITE_RECORD) {
		uint32_t number;
		int32_t distance;
		memcpy(&number, image + s->sh_offset + off, 4);
		memcpy(&distance, image + s->sh_offset + off + 4, 4);
		uint64_t site = s->sh_addr + off + 4 + (int64_t)distance;
		if (number >= count || table[number] || site >= size)
			panic("vDSO %s: site %u repeated or outside the image", section, number);
		table[number] = site + insn_bytes;
	}
	return s->sh_size / SITE_RECORD;
}

void vdso_traps_init(void)
{
	size_t size;
	const uint8_t *image = vdso_image(&size);
	uint64_t traps = read_sites(image, size, ".rb_trap_sites", vdso_trap_return, TRAP_COUNT,
				    SYSCALL_TRAP_BYTES);
	uint64_t ipc = read_sites(image, size, ".rb_ipc_sites", vdso_ipc_return, IPC_OP_COUNT,
				  IPC_ENTRY_BYTES);

	klog("vdso: %lu system call and %lu IPC entry sites, no other accepted", traps, ipc);
}
