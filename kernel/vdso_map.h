#ifndef VDSO_MAP_H
#define VDSO_MAP_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

/* Where every task sees the vDSO (AT_SYSINFO_EHDR); its data page is just below. */
#define VDSO_BASE 0x00007fffef000000ul

/* Allocate the data page and start the clock; after timer calibration. */
void vdso_init(void);
/* Map the image (read+exec) and the data page (read-only) into a space. */
bool vdso_map_into(uint64_t space);
/* The image, for symbolizing faults inside it. */
const void *vdso_image(size_t *size);

#endif
