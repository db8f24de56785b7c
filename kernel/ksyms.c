/*
 * Kernel symbolization for panic reports.  The table lives in the .ksyms
 * section, which the linker script places last so that filling it in the
 * second link moves nothing else (mk/kernel.mk checks that).
 */
#include "ksyms.h"
#include "log.h"
#include <stddef.h>

struct ksym {
	uint64_t addr;
	uint64_t size;
	uint32_t name;		/* offset into the names that follow the table */
	uint32_t reserved;
};

struct ksyms_blob {
	uint64_t count;
	struct ksym syms[];	/* sorted by address; names follow */
};

extern const struct ksyms_blob ksyms_table;

static const char *ksym_name(const struct ksym *s)
{
	const char *names = (const char *)&ksyms_table.syms[ksyms_table.count];
	return names + s->name;
}

const char *ksyms_lookup(uint64_t addr, uint64_t *offset)
{
	size_t lo = 0, hi = ksyms_table.count;

	/* Find the last symbol starting at or below addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ksyms_table.syms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	const struct ksym *s = &ksyms_table.syms[lo - 1];
	if (s->size && addr >= s->addr + s->size)
		return NULL;
	*offset = addr - s->addr;
	return ksym_name(s);
}

void ksyms_print(uint64_t addr)
{
	uint64_t off;
	const char *name = ksyms_lookup(addr, &off);

	if (name)
		kprintf("%#lx <%s+0x%lx>", addr, name, off);
	else
		kprintf("%#lx", addr);
}
