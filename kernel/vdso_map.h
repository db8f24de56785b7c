#ifndef VDSO_MAP_H
#define VDSO_MAP_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

/* Every task sees the vDSO at VDSO_BASE, its data page at VDSO_DATA_PAGE (user_layout.h). */

/* Allocate the data page and start the clock; after timer calibration. */
void vdso_init(void);
/* Map the image (read+exec) and the data page (read-only) into a space. */
bool vdso_map_into(uint64_t space);
/* The image, for symbolizing faults inside it. */
const void *vdso_image(size_t *size);

#endif
