/*
 * The vDSO's trap sites, read once from its image: the section
 * .rb_trap_sites holds, per trap instruction, the call's number and the
 * instruction's distance from that word (vdso/trap.h).  The image is the
 * kernel's own, built with it, but is read with bounds checks all the same.
 */
#include "vdso_traps.h"
#include "vdso_map.h"
#include "panic.h"
#include "log.h"
#include "user_layout.h"
#include "arch/interrupt.h"
#include <elf.h>
#include <string.h>

#define SITES_SECTION ".rb_trap_sites"
#define SITE_RECORD 8		/* two 32-bit words: number, distance */

uint64_t vdso_trap_return[] = {
#define RB_TRAP(number, name, function) [number] = 0,
#include "calls.def"
};

#define TRAP_COUNT (sizeof vdso_trap_return / sizeof vdso_trap_return[0])

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

void vdso_traps_init(void)
{
	size_t size;
	const uint8_t *image = vdso_image(&size);
	const Elf64_Shdr *s = section_named(image, size, SITES_SECTION);

	if (!s || s->sh_size % SITE_RECORD || s->sh_offset > size || s->sh_size > size - s->sh_offset)
		panic("the vDSO has no readable " SITES_SECTION);
	for (uint64_t off = 0; off < s->sh_size; off += SITE_RECORD) {
		uint32_t number;
		int32_t distance;
		memcpy(&number, image + s->sh_offset + off, 4);
		memcpy(&distance, image + s->sh_offset + off + 4, 4);
		uint64_t site = s->sh_addr + off + 4 + (int64_t)distance;
		if (number >= TRAP_COUNT || vdso_trap_return[number] || site >= size)
			panic("vDSO trap site for call %u repeated or outside the image", number);
		vdso_trap_return[number] = VDSO_BASE + site + SYSCALL_TRAP_BYTES;
	}
	klog("vdso: %lu system call sites, no other accepted", s->sh_size / SITE_RECORD);
}
