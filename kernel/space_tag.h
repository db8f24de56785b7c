/*
 * Address space tags (space_tag.c; docs/kernel.md, Address space tags):
 * where the CPU offers them (x86: PCIDs, arch/space_tag_arch.h), a TLB
 * entry carries the tag of the space it was made in, so a switch between
 * spaces need not flush the TLB.  This is the bookkeeping: which tag each
 * space has, and which CPUs must flush a tag at their next load of it.
 *
 * Tag 0 is the shared one: the kernel's own space, every space made when
 * all the others were taken, and every space when the CPU offers no tags.
 * A load of tag 0 always flushes, so nothing of it needs tracking.
 *
 * Each CPU keeps a set of fresh tags: those it may load without a flush,
 * because it holds no entry of them that a change of mappings (unmap,
 * rights), or the tag's passing to another space, made stale since its
 * last flush of that tag.  A CPU only makes entries for the tag it has
 * loaded, so a change of a space concerns the CPUs that have it loaded
 * (they flush now: the caller's TLB shootdown, or invlpg here) and takes
 * the tag out of every other CPU's set.  All of it under the kernel lock.
 */
#ifndef SPACE_TAG_H
#define SPACE_TAG_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/space_tag_arch.h"

#define SPACE_TAG_WORDS (ARCH_SPACE_TAGS / 64)

/* One CPU's fresh tags (in its struct cpu, percpu.h): bit t of the set is tag t. */
struct space_tag_cpu {
	uint64_t fresh[SPACE_TAG_WORDS];
};

/*
 * Hand out tags 1 .. count - 1 from now on (count <= ARCH_SPACE_TAGS);
 * until called, every space gets tag 0.  At boot, before any space is made.
 */
void space_tag_init(unsigned count);
/* How many tags space_tag_init was given: 0 or 1 when there are none to hand out. */
unsigned space_tag_count(void);
/* A free tag for a new space; 0, the shared tag, when every other is taken. */
unsigned space_tag_alloc(void);
/*
 * The space that had tag `tag` is gone (loaded on no CPU): the tag goes
 * back, and leaves every CPU's fresh set, so that each flushes it before
 * it runs the tag's next owner.  Tag 0: nothing.
 */
void space_tag_free(unsigned tag);
/*
 * The mappings of the space tagged `tag` are changing: every CPU whose
 * index is not in the mask `loaded` (bit i: CPU i has the space loaded,
 * and flushes now by other means) takes the tag out of its fresh set.
 * Tag 0: nothing.
 */
void space_tag_changed(unsigned tag, uint32_t loaded);

/*
 * Whether CPU c may load tag `tag` without a flush.  When not, the tag is
 * counted fresh from now on, as the load that follows flushes it.  Tag 0:
 * never.  Inline: it is on every switch between spaces.
 */
static inline __attribute__((always_inline)) bool space_tag_load(struct space_tag_cpu *c,
								  unsigned tag)
{
	if (!tag)
		return false;
	uint64_t *w = &c->fresh[tag / 64], bit = 1ull << (tag % 64);
	if (*w & bit)
		return true;
	*w |= bit;
	return false;
}

#endif
