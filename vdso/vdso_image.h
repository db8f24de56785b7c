/*
 * The vDSO image inside the kernel (build/vdso/vdso_image.o).
 *
 * The bytes of build/vdso/vdso.so, unchanged.  vdso_image_start is
 * page-aligned and the last page is padded with zeros, so the kernel maps
 * the image's physical pages straight into every task (read+exec), with the
 * data page (vdso_data.h) RB_VDSO_DATA_OFFSET below.
 */
#ifndef RAINBOW_VDSO_IMAGE_H
#define RAINBOW_VDSO_IMAGE_H

extern const unsigned char vdso_image_start[];
extern const unsigned char vdso_image_end[];   /* ELF size, before padding */

#endif
