#ifndef KSYMS_H
#define KSYMS_H

#include <stdint.h>

/*
 * The kernel's own symbol table, embedded at build time (mk/ksyms makes it
 * from the first link).  Returns the function containing addr and sets
 * *offset, or NULL when addr is not in the kernel image.
 */
const char *ksyms_lookup(uint64_t addr, uint64_t *offset);

/* Print "name+0xoff" (or the bare address) for a kernel address. */
void ksyms_print(uint64_t addr);

#endif
