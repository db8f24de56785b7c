/*
 * Validation of an app module before the loader maps it.
 *
 * Pure C with no kernel dependencies, so the host unit tests exercise the
 * same code the kernel runs.  The module is untrusted: every offset, size
 * and address is checked, including for wrap-around.
 */
#ifndef RAINBOW_ELF_CHECK_H
#define RAINBOW_ELF_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include <elf.h>

#define ELF_MAX_SEGMENTS 16

/* One PT_LOAD, with the load bias already added to vaddr. */
struct elf_segment {
	uint64_t vaddr, memsz;
	uint64_t offset, filesz;      /* bytes of the module to copy */
	unsigned flags;               /* PF_R, PF_W, PF_X */
	unsigned index;               /* program header number, for logs */
};

struct elf_image {
	uint64_t entry;               /* biased */
	uint16_t type;                /* ET_EXEC or ET_DYN */
	/* For AT_PHDR/AT_PHENT/AT_PHNUM.  phdr_vaddr is where a PT_LOAD maps
	 * the program header table, 0 when no PT_LOAD does. */
	uint64_t phdr_vaddr;
	uint16_t phnum, phentsize;
	/* PT_GNU_STACK's p_memsz (what ld's -z stack-size= sets), 0 when none. */
	uint64_t stack_size;
	/* PT_LOADs with memsz > 0, sorted by vaddr, no two sharing a page. */
	unsigned nsegments;
	struct elf_segment segments[ELF_MAX_SEGMENTS];
	/* Page-rounded span of the loads: [lowest, highest). */
	uint64_t lowest, highest;
	/* Room for reasons that name a program header. */
	char reason[96];
};

/*
 * Check the ELF module image[0..size) and describe it in *out.
 *
 * ET_DYN modules are placed at load_bias, a page-aligned offset the caller
 * chose and the checker adds to every address; ET_EXEC needs load_bias 0.
 * Every loaded page must lie in [user_lo, user_hi).  ET_DYN is accepted only
 * when it needs neither an interpreter nor shared libraries, since nothing
 * in a task would load them; its relocations it applies itself (static PIE).
 *
 * Returns NULL if the module is acceptable, else a short reason for the log
 * ("segment N" counts program headers from 0, as readelf does); the reason
 * may point into *out, whose other fields are then meaningless.
 */
const char *elf_check(const void *image, size_t size, uint64_t load_bias,
		      uint64_t user_lo, uint64_t user_hi,
		      struct elf_image *out);

#endif
