/*
 * The table of resolved vDSO entry points, one slot per line of
 * vdso_entries.h.  A slot is NULL until __rb_vdso_bind() fills it.
 */
#ifndef RAINBOW_VDSO_TABLE_H
#define RAINBOW_VDSO_TABLE_H

#include "crt.h"

enum vdso_slot {
#define RB_VDSO_ENTRY(prefix, name) VDSO_##name,
#include "vdso_entries.h"
#undef RB_VDSO_ENTRY
	VDSO_COUNT
};

CRT_HIDDEN extern void *__rb_vdso_table[VDSO_COUNT];

#endif
