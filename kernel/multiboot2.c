/*
 * The multiboot2 boot information: a size header and a list of 8-byte
 * aligned tags.  We trust GRUB but check every length anyway: a bad tag
 * must give a clear reason, not a wild read.
 */
#include "multiboot2.h"
#include <string.h>

#define TAG_END      0
#define TAG_CMDLINE  1
#define TAG_LOADER   2
#define TAG_MODULE   3
#define TAG_MMAP     6
#define TAG_ACPI_OLD 14		/* a copy of the ACPI 1.0 RSDP */
#define TAG_ACPI_NEW 15		/* a copy of the ACPI 2.0+ RSDP */
#define MMAP_AVAILABLE 1

struct tag {
	uint32_t type, size;
};

struct tag_module {
	struct tag tag;
	uint32_t mod_start, mod_end;
	char cmdline[];
};

struct tag_mmap {
	struct tag tag;
	uint32_t entry_size, entry_version;
};

struct mmap_entry {
	uint64_t base, len;
	uint32_t type, reserved;
};

uint32_t multiboot2_total_size(const void *info)
{
	uint32_t total;
	memcpy(&total, info, sizeof(total));
	return total;
}

/* A tag's string must end inside the tag. */
static const char *tag_string(const struct tag *t, size_t header)
{
	const char *s = (const char *)t + header;
	if (t->size <= header || !memchr(s, '\0', t->size - header))
		return NULL;
	return s;
}

static const char *parse_module(const struct tag *t, struct boot_info *out)
{
	const struct tag_module *m = (const struct tag_module *)t;

	if (t->size < sizeof(*m))
		return "module tag too short";
	if (m->mod_end < m->mod_start)
		return "module ends before it starts";
	const char *cmdline = tag_string(t, sizeof(*m));
	if (!cmdline)
		return "module string not terminated";
	if (out->nmodules == BOOT_MODULES_MAX) {
		out->skipped_modules++;
		return NULL;
	}
	out->modules[out->nmodules++] = (struct boot_module){ m->mod_start, m->mod_end, cmdline };
	return NULL;
}

static const char *parse_mmap(const struct tag *t, struct boot_info *out)
{
	const struct tag_mmap *m = (const struct tag_mmap *)t;

	if (t->size < sizeof(*m) || m->entry_size < sizeof(struct mmap_entry) || m->entry_size % 8)
		return "memory map tag malformed";
	for (size_t off = sizeof(*m); off + m->entry_size <= t->size; off += m->entry_size) {
		struct mmap_entry e;
		memcpy(&e, (const char *)t + off, sizeof(e));
		if (e.type == MMAP_AVAILABLE && !memmap_add(&out->ram, e.base, e.len))
			return "memory map has too many regions";
	}
	return NULL;
}

/* The RSDP copy; the 2.0+ one wins over the 1.0 one, whatever their order. */
static const char *parse_acpi(const struct tag *t, struct boot_info *out)
{
	if (t->size <= sizeof(*t))
		return "ACPI tag without an RSDP";
	if (out->acpi_rsdp_len && t->type == TAG_ACPI_OLD)
		return NULL;
	out->acpi_rsdp = (const char *)t + sizeof(*t);
	out->acpi_rsdp_len = t->size - sizeof(*t);
	return NULL;
}

static const char *parse_tag(const struct tag *t, struct boot_info *out)
{
	switch (t->type) {
	case TAG_CMDLINE:
		return (out->cmdline = tag_string(t, sizeof(*t))) ? NULL : "command line not terminated";
	case TAG_LOADER:
		return (out->loader = tag_string(t, sizeof(*t))) ? NULL : "loader name not terminated";
	case TAG_MODULE:
		return parse_module(t, out);
	case TAG_MMAP:
		return parse_mmap(t, out);
	case TAG_ACPI_OLD:
	case TAG_ACPI_NEW:
		return parse_acpi(t, out);
	default:
		return NULL;	/* tags we do not use */
	}
}

const char *multiboot2_parse(const void *info, size_t size, struct boot_info *out)
{
	memset(out, 0, sizeof(*out));
	out->cmdline = out->loader = "";
	if (size < 8 || multiboot2_total_size(info) > size)
		return "boot information truncated";
	size = multiboot2_total_size(info);

	for (size_t off = 8; off + sizeof(struct tag) <= size;) {
		const struct tag *t = (const struct tag *)((const char *)info + off);
		if (t->size < sizeof(*t) || t->size > size - off)
			return "tag runs past the end of the boot information";
		if (t->type == TAG_END)
			return out->ram.count ? NULL : "no available memory in the memory map";
		const char *why = parse_tag(t, out);
		if (why)
			return why;
		off += (t->size + 7) & ~(size_t)7;
	}
	return "no end tag";
}
