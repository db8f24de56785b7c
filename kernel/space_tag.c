/*
 * Address space tags: handing them out, taking them back, and which CPU
 * must flush which (space_tag.h).  A bitmap of the tags in use, searched
 * a word at a time from where the last search ended; a tag that goes back
 * leaves every CPU's fresh set at once, so reuse needs no check later.
 */
#include "space_tag.h"
#include "percpu.h"

_Static_assert(CPU_MAX <= 32, "space_tag_changed's mask has a bit per CPU");

/* Bit t: tag t is some space's, or not to be handed out: all of them until space_tag_init. */
static uint64_t used[SPACE_TAG_WORDS] = { [0 ... SPACE_TAG_WORDS - 1] = ~0ull };
static unsigned tag_count;		/* space_tag_init's count */
static unsigned next_word;		/* where the next search starts */

void space_tag_init(unsigned count)
{
	tag_count = count;
	for (unsigned t = 0; t < ARCH_SPACE_TAGS; t++)
		if (t == 0 || t >= count)
			used[t / 64] |= 1ull << (t % 64);
		else
			used[t / 64] &= ~(1ull << (t % 64));
	next_word = 0;
}

unsigned space_tag_count(void)
{
	return tag_count;
}

unsigned space_tag_alloc(void)
{
	for (unsigned n = 0; n < SPACE_TAG_WORDS; n++) {
		unsigned i = (next_word + n) % SPACE_TAG_WORDS;
		if (used[i] == ~0ull)
			continue;
		unsigned bit = (unsigned)__builtin_ctzll(~used[i]);
		used[i] |= 1ull << bit;
		next_word = i;
		return i * 64 + bit;
	}
	return 0;
}

/* Tag t leaves the fresh set of every CPU not in the mask keep. */
static void forget(unsigned tag, uint32_t keep)
{
	for (unsigned i = 0; i < cpu_count; i++)
		if (!(keep & (1u << i)))
			cpus[i].tags.fresh[tag / 64] &= ~(1ull << (tag % 64));
}

void space_tag_free(unsigned tag)
{
	if (!tag)
		return;
	used[tag / 64] &= ~(1ull << (tag % 64));
	forget(tag, 0);
}

void space_tag_changed(unsigned tag, uint32_t loaded)
{
	if (tag)
		forget(tag, loaded);
}
