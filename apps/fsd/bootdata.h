/* The bundle's data files, put in the tree at start (bootdata.c). */
#ifndef FSD_BOOTDATA_H
#define FSD_BOOTDATA_H

/*
 * Takes the boot data (rb_bootdata_take) and adds its files and
 * directories to the tree.  Returns how many files, 0 without data, or
 * -errno: the kernel's refusal, -ENOMEM, -EINVAL for a malformed archive.
 */
int bootdata_load(void);

#endif
