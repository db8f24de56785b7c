/*
 * The table of resolved vDSO entry points: slot VDSO_function for every
 * function of the list of calls (vdso/calls.def), in its order.  A slot is
 * NULL until __rb_vdso_bind() fills it.
 */
#ifndef RAINBOW_VDSO_TABLE_H
#define RAINBOW_VDSO_TABLE_H

#include "crt.h"

enum vdso_slot {
#define RB_VDSO(function) VDSO_##function,
#include "calls.def"
	VDSO_COUNT
};

CRT_HIDDEN extern void *__rb_vdso_table[VDSO_COUNT];

#endif
