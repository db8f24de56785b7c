/*
 * Physical memory ranges: what the firmware says is RAM, minus what the
 * kernel, the boot information and the modules occupy.  Pure code, tested
 * on the host (tests/unit/test_memmap.c).
 */
#include "memmap.h"
#include <string.h>

static uint64_t range_end(uint64_t base, uint64_t len)
{
	return len > UINT64_MAX - base ? UINT64_MAX : base + len;
}

static void remove_at(struct memmap *m, unsigned i)
{
	memmove(&m->r[i], &m->r[i + 1], (m->count - i - 1) * sizeof(m->r[0]));
	m->count--;
}

static bool insert_at(struct memmap *m, unsigned i, uint64_t base, uint64_t end)
{
	if (m->count == MEMMAP_MAX)
		return false;
	memmove(&m->r[i + 1], &m->r[i], (m->count - i) * sizeof(m->r[0]));
	m->r[i] = (struct mem_region){ base, end - base };
	m->count++;
	return true;
}

bool memmap_add(struct memmap *m, uint64_t base, uint64_t len)
{
	uint64_t end = range_end(base, len);
	unsigned i = 0;

	if (len == 0)
		return true;
	while (i < m->count && range_end(m->r[i].base, m->r[i].len) < base)
		i++;
	/* Swallow every range that overlaps or touches [base, end). */
	while (i < m->count && m->r[i].base <= end) {
		uint64_t rend = range_end(m->r[i].base, m->r[i].len);
		base = m->r[i].base < base ? m->r[i].base : base;
		end = rend > end ? rend : end;
		remove_at(m, i);
	}
	return insert_at(m, i, base, end);
}

bool memmap_remove(struct memmap *m, uint64_t base, uint64_t len)
{
	uint64_t end = range_end(base, len);

	for (unsigned i = 0; i < m->count; i++) {
		uint64_t rbase = m->r[i].base, rend = range_end(rbase, m->r[i].len);
		if (rend <= base || rbase >= end)
			continue;
		if (rbase < base && rend > end) {
			m->r[i].len = base - rbase;
			return insert_at(m, i + 1, end, rend);
		}
		if (rbase < base) {
			m->r[i].len = base - rbase;
		} else if (rend > end) {
			m->r[i] = (struct mem_region){ end, rend - end };
		} else {
			remove_at(m, i);
			i--;
		}
	}
	return true;
}

void memmap_page_align(struct memmap *m, uint64_t page)
{
	for (unsigned i = 0; i < m->count; i++) {
		uint64_t rend = range_end(m->r[i].base, m->r[i].len);
		uint64_t base = m->r[i].base > UINT64_MAX - (page - 1) ? UINT64_MAX & ~(page - 1)
			: (m->r[i].base + page - 1) & ~(page - 1);
		uint64_t end = rend & ~(page - 1);
		if (end <= base) {
			remove_at(m, i);
			i--;
		} else {
			m->r[i] = (struct mem_region){ base, end - base };
		}
	}
}

uint64_t memmap_total(const struct memmap *m)
{
	uint64_t total = 0;
	for (unsigned i = 0; i < m->count; i++)
		total += m->r[i].len;
	return total;
}

uint64_t memmap_end(const struct memmap *m)
{
	return m->count ? range_end(m->r[m->count - 1].base, m->r[m->count - 1].len) : 0;
}
