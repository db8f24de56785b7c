#ifndef MULTIBOOT2_H
#define MULTIBOOT2_H

#include <stdint.h>
#include <stddef.h>
#include "memmap.h"

#define MB2_BOOTLOADER_MAGIC 0x36d76289
#define BOOT_MODULES_MAX 32

struct boot_module {
	uint64_t start, end;	/* physical, end exclusive */
	const char *cmdline;	/* GRUB's module string: "name args..." */
};

struct boot_info {
	const char *cmdline;	/* kernel command line, "" if none */
	const char *loader;	/* boot loader name, "" if none */
	unsigned nmodules;
	struct boot_module modules[BOOT_MODULES_MAX];
	struct memmap ram;	/* available RAM as the firmware reported it */
	unsigned skipped_modules;	/* beyond BOOT_MODULES_MAX: reported, not lost silently */
	const void *acpi_rsdp;	/* the loader's copy of ACPI's RSDP (the newer if both), NULL if none */
	size_t acpi_rsdp_len;	/* its bytes, as the tag gives them */
};

/*
 * Parse the multiboot2 information at info (size bytes readable).  Returns
 * NULL on success or a reason the information is unusable.  Strings in
 * *out point into info, which must stay mapped and reserved.
 */
const char *multiboot2_parse(const void *info, size_t size, struct boot_info *out);

/* Total size the information announces (first word), to map/reserve it. */
uint32_t multiboot2_total_size(const void *info);

#endif
