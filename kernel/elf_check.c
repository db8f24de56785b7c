/*
 * ELF module validation; see elf_check.h.
 *
 * Every check that adds two untrusted numbers compares against the room
 * left instead (a > limit - b), so no sum can wrap before it is tested.
 */
#include <stdbool.h>
#include <string.h>

#include "elf_check.h"
#include "user_layout.h"

/* The loader maps 4 KiB pages and gives each page one permission set. */

struct module {
	const unsigned char *bytes;
	size_t size;
	uint64_t bias, user_lo, user_hi;
	Elf64_Ehdr eh;
	bool has_phdr;                /* a PT_PHDR was seen */
	uint64_t phdr_vaddr;          /* its claimed (biased) address */
};

static uint64_t page_down(uint64_t a)
{
	return a & ~(uint64_t)(USER_PAGE_SIZE - 1);
}

static uint64_t page_up(uint64_t a)
{
	return page_down(a + USER_PAGE_SIZE - 1);
}

static bool within_file(const struct module *m, uint64_t offset, uint64_t len)
{
	return offset <= m->size && len <= m->size - offset;
}

static void reason_add(struct elf_image *out, const char *text)
{
	size_t used = strlen(out->reason);
	size_t room = sizeof out->reason - 1 - used;
	size_t len = strlen(text);

	if (len > room)
		len = room;
	memcpy(out->reason + used, text, len);
	out->reason[used + len] = '\0';
}

static void reason_add_number(struct elf_image *out, unsigned n)
{
	char digits[12];
	char *p = digits + sizeof digits;

	*--p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	reason_add(out, p);
}

/* "segment N WHY", built in out->reason. */
static const char *refuse_segment(struct elf_image *out, unsigned index,
				  const char *why)
{
	out->reason[0] = '\0';
	reason_add(out, "segment ");
	reason_add_number(out, index);
	reason_add(out, " ");
	reason_add(out, why);
	return out->reason;
}

static const char *check_ident(const Elf64_Ehdr *eh)
{
	const unsigned char *id = eh->e_ident;

	if (id[EI_MAG0] != ELFMAG0 || id[EI_MAG1] != ELFMAG1 ||
	    id[EI_MAG2] != ELFMAG2 || id[EI_MAG3] != ELFMAG3)
		return "bad magic";
	if (id[EI_CLASS] != ELFCLASS64)
		return "not ELFCLASS64";
	if (id[EI_DATA] != ELFDATA2LSB)
		return "not little-endian";
	if (id[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return "unknown ELF version";
	return NULL;
}

static const char *check_type(const struct module *m)
{
	switch (m->eh.e_type) {
	case ET_EXEC:
		return m->bias ? "load bias given for a fixed-address executable"
			       : NULL;
	case ET_DYN:
		return m->bias % USER_PAGE_SIZE ? "load bias not page-aligned"
						: NULL;
	case ET_REL:
		return "not an executable (ET_REL)";
	case ET_CORE:
		return "not an executable (ET_CORE)";
	case ET_NONE:
		return "not an executable (ET_NONE)";
	default:
		return "not an executable (unknown type)";
	}
}

static const char *check_header(const struct module *m)
{
	const Elf64_Ehdr *eh = &m->eh;
	const char *why = check_ident(eh);

	if (why)
		return why;
	if (eh->e_machine != EM_X86_64)
		return "not x86-64";
	why = check_type(m);
	if (why)
		return why;
	if (eh->e_ehsize != sizeof(Elf64_Ehdr))
		return "bad ELF header size";
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return "bad program header entry size";
	if (eh->e_phnum == PN_XNUM)
		return "too many program headers";
	if (!within_file(m, eh->e_phoff,
			 (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr)))
		return "program headers outside the file";
	return NULL;
}

/* The segment's biased, page-rounded span must lie in user space. */
static bool inside_user_space(const struct module *m, const Elf64_Phdr *ph)
{
	uint64_t start, end;

	if (ph->p_vaddr > UINT64_MAX - m->bias)
		return false;
	start = ph->p_vaddr + m->bias;
	if (ph->p_memsz > UINT64_MAX - start)
		return false;
	end = start + ph->p_memsz;
	return page_down(start) >= m->user_lo && end <= page_down(m->user_hi);
}

/* low starts at or below high. */
static bool share_a_page(const struct elf_segment *low,
			 const struct elf_segment *high)
{
	return page_up(low->vaddr + low->memsz) > page_down(high->vaddr);
}

static const char *refuse_overlap(struct elf_image *out, unsigned index,
				  unsigned other)
{
	refuse_segment(out, index, "overlaps segment ");
	reason_add_number(out, other);
	return out->reason;
}

/* Keeps out->segments sorted; neighbours suffice since they are disjoint. */
static const char *insert_segment(struct elf_image *out,
				  const struct elf_segment *seg)
{
	struct elf_segment *segs = out->segments;
	unsigned at = out->nsegments;

	if (out->nsegments == ELF_MAX_SEGMENTS)
		return "too many segments";
	while (at > 0 && segs[at - 1].vaddr > seg->vaddr)
		at--;
	if (at > 0 && share_a_page(&segs[at - 1], seg))
		return refuse_overlap(out, seg->index, segs[at - 1].index);
	if (at < out->nsegments && share_a_page(seg, &segs[at]))
		return refuse_overlap(out, seg->index, segs[at].index);
	memmove(&segs[at + 1], &segs[at], (out->nsegments - at) * sizeof *segs);
	segs[at] = *seg;
	out->nsegments++;
	return NULL;
}

static const char *add_load(const struct module *m, unsigned index,
			    const Elf64_Phdr *ph, struct elf_image *out)
{
	struct elf_segment seg;

	if (ph->p_filesz > ph->p_memsz)
		return refuse_segment(out, index, "filesz larger than memsz");
	if (ph->p_memsz == 0)
		return NULL;
	if (!within_file(m, ph->p_offset, ph->p_filesz))
		return refuse_segment(out, index,
				      "file bytes beyond end of module");
	if (!inside_user_space(m, ph))
		return refuse_segment(out, index, "outside user space");
	if (ph->p_align & (ph->p_align - 1))
		return refuse_segment(out, index, "p_align not a power of two");
	if ((ph->p_vaddr - ph->p_offset) % USER_PAGE_SIZE)
		return refuse_segment(out, index, "misaligned (p_offset and "
				      "p_vaddr disagree modulo page size)");
	if ((ph->p_flags & PF_W) && (ph->p_flags & PF_X))
		return refuse_segment(out, index,
				      "both writable and executable");
	seg = (struct elf_segment){
		.vaddr = ph->p_vaddr + m->bias, .memsz = ph->p_memsz,
		.offset = ph->p_offset, .filesz = ph->p_filesz,
		.flags = ph->p_flags & (PF_R | PF_W | PF_X), .index = index,
	};
	return insert_segment(out, &seg);
}

/*
 * Nothing in a task loads shared libraries, so the module must need none.
 * Relocations are the program's own business: a static PIE's crt applies
 * them itself (crt/relocate.c), as on Linux.
 */
static const char *check_dynamic(const struct module *m, const Elf64_Phdr *ph)
{
	Elf64_Dyn dyn;
	uint64_t at;

	if (!within_file(m, ph->p_offset, ph->p_filesz))
		return "dynamic section outside the file";
	for (at = 0; ph->p_filesz - at >= sizeof dyn; at += sizeof dyn) {
		memcpy(&dyn, m->bytes + ph->p_offset + at, sizeof dyn);
		if (dyn.d_tag == DT_NULL)
			break;
		if (dyn.d_tag == DT_NEEDED)
			return "needs shared libraries (DT_NEEDED)";
	}
	return NULL;
}

static const char *scan_program_header(struct module *m, unsigned index,
				       struct elf_image *out)
{
	Elf64_Phdr ph;

	memcpy(&ph, m->bytes + m->eh.e_phoff + index * sizeof ph, sizeof ph);
	switch (ph.p_type) {
	case PT_LOAD:
		return add_load(m, index, &ph, out);
	case PT_INTERP:
		return "needs a dynamic loader (PT_INTERP)";
	case PT_DYNAMIC:
		return check_dynamic(m, &ph);
	case PT_GNU_STACK:
		out->stack_size = ph.p_memsz;
		return NULL;
	case PT_PHDR:
		m->has_phdr = true;
		m->phdr_vaddr = ph.p_vaddr + m->bias;
		return NULL;
	default:
		return NULL;
	}
}

/* An entry whose biased sum wraps lands below the bias, hence below every
 * segment, so it needs no check of its own. */
static bool entry_executable(const struct module *m,
			     const struct elf_image *out)
{
	uint64_t entry = m->eh.e_entry + m->bias;
	unsigned i;

	for (i = 0; i < out->nsegments; i++) {
		const struct elf_segment *s = &out->segments[i];

		if ((s->flags & PF_X) && entry >= s->vaddr &&
		    entry - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

/* Where a PT_LOAD maps the program header table from the file, or 0. */
static uint64_t loaded_phdr_vaddr(const struct module *m,
				  const struct elf_image *out)
{
	uint64_t table = m->eh.e_phoff;
	uint64_t table_end = table + (uint64_t)m->eh.e_phnum * sizeof(Elf64_Phdr);
	unsigned i;

	for (i = 0; i < out->nsegments; i++) {
		const struct elf_segment *s = &out->segments[i];

		if (s->offset <= table && table_end <= s->offset + s->filesz)
			return s->vaddr + (table - s->offset);
	}
	return 0;
}

static const char *describe(const struct module *m, struct elf_image *out)
{
	const struct elf_segment *last;

	if (out->nsegments == 0)
		return "no loadable segment";
	if (!entry_executable(m, out))
		return "entry point outside any executable segment";
	out->phdr_vaddr = loaded_phdr_vaddr(m, out);
	if (m->has_phdr && m->phdr_vaddr != out->phdr_vaddr)
		return "PT_PHDR does not match the loaded program headers";
	last = &out->segments[out->nsegments - 1];
	out->entry = m->eh.e_entry + m->bias;
	out->type = m->eh.e_type;
	out->phnum = m->eh.e_phnum;
	out->phentsize = m->eh.e_phentsize;
	out->lowest = page_down(out->segments[0].vaddr);
	out->highest = page_up(last->vaddr + last->memsz);
	return NULL;
}

const char *elf_check(const void *image, size_t size, uint64_t load_bias,
		      uint64_t user_lo, uint64_t user_hi,
		      struct elf_image *out)
{
	struct module m = {
		.bytes = image, .size = size, .bias = load_bias,
		.user_lo = user_lo, .user_hi = user_hi,
	};
	const char *why;
	unsigned i;

	memset(out, 0, sizeof *out);
	if (size < sizeof m.eh)
		return "truncated header";
	memcpy(&m.eh, image, sizeof m.eh);
	why = check_header(&m);
	for (i = 0; !why && i < m.eh.e_phnum; i++)
		why = scan_program_header(&m, i, out);
	return why ? why : describe(&m, out);
}
