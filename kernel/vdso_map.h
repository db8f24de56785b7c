#ifndef VDSO_MAP_H
#define VDSO_MAP_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

/* Each task sees the vDSO where placement.c put it, its data page one page below (user_layout.h). */

/* Allocate the data page and start the clock; after timer calibration. */
void vdso_init(void);
/*
 * Write the online CPUs (sched_cpus_online()) into the data page, where
 * rb_cpus_online() reads them: by vdso_init, before any task starts, and
 * by a CPU that comes online after it (smp.c).  Nothing before vdso_init.
 */
void vdso_publish_cpus(void);
/*
 * Map the image (read+exec) at base, a page-aligned user address, and the
 * data page (read-only) one page below it, into a space; false when out
 * of memory for page tables.
 */
bool vdso_map_into(uint64_t space, uint64_t base);
/* The image, for symbolizing faults inside it. */
const void *vdso_image(size_t *size);

#endif
