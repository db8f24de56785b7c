/*
 * The vDSO data page: shared by the kernel (writer) and the vDSO (reader).
 *
 * One physical page, mapped read-only into every task RB_VDSO_DATA_OFFSET
 * bytes below the vDSO image.  The vDSO reaches it PC-relatively, so the two
 * must always be mapped at that distance.
 *
 * Kernel duties (single writer; serialise updates if several CPUs may write):
 *   1. seq += 1                 (now odd: readers retry)
 *   2. compiler barrier         (x86 keeps stores in order; the compiler
 *                                must not move the field stores above 1.)
 *   3. store the fields
 *   4. compiler barrier
 *   5. seq += 1                 (even again: the snapshot is consistent)
 * tsc_base and ns_base must be taken together: ns_base is the monotonic time
 * at the instant the TSC read tsc_base.  version is RB_VDSO_DATA_VERSION.
 * cpus_online is outside the sequence: one aligned 32-bit store, read by
 * one load, written before any task starts and again whenever a CPU comes
 * online late (kernel/vdso_map.c).
 *
 * Clock readers (vdso/clock.c) wait for an even seq, read, and retry if seq moved.
 */
#ifndef RAINBOW_VDSO_DATA_H
#define RAINBOW_VDSO_DATA_H

#include <stddef.h>
#include <stdint.h>

#define RB_VDSO_DATA_VERSION 2

/* The data page lies this many bytes below the image (vdso/vdso.lds). */
#define RB_VDSO_DATA_OFFSET 4096

struct rb_vdso_data {
	uint32_t seq;             /* even: stable; odd: the kernel is writing */
	uint32_t version;
	uint64_t tsc_base;        /* TSC value at ns_base */
	uint64_t ns_base;         /* monotonic ns at tsc_base */
	uint64_t tsc_to_ns_mult;  /* ns per TSC tick, 32.32 fixed point */
	int64_t realtime_offset_ns; /* realtime = monotonic + this */
	uint64_t ticks;           /* timer interrupts since boot */
	uint32_t cpus_online;     /* bit i: CPU i is online (rb_cpus_online) */
};

/* The layout is an ABI between two separately compiled images. */
_Static_assert(offsetof(struct rb_vdso_data, seq) == 0, "seq");
_Static_assert(offsetof(struct rb_vdso_data, version) == 4, "version");
_Static_assert(offsetof(struct rb_vdso_data, tsc_base) == 8, "tsc_base");
_Static_assert(offsetof(struct rb_vdso_data, ns_base) == 16, "ns_base");
_Static_assert(offsetof(struct rb_vdso_data, tsc_to_ns_mult) == 24, "mult");
_Static_assert(offsetof(struct rb_vdso_data, realtime_offset_ns) == 32,
	       "realtime_offset_ns");
_Static_assert(offsetof(struct rb_vdso_data, ticks) == 40, "ticks");
_Static_assert(offsetof(struct rb_vdso_data, cpus_online) == 48, "cpus_online");
_Static_assert(sizeof(struct rb_vdso_data) == 56, "size");
_Static_assert(sizeof(struct rb_vdso_data) <= RB_VDSO_DATA_OFFSET,
	       "fits in the data page");

#endif
