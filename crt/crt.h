/*
 * What the parts of the crt tell each other.  Not installed: apps see only
 * <rainbow/syscall.h>, <rainbow/dso.h>, <rainbow/thread.h> and libc.
 */
#ifndef RAINBOW_CRT_H
#define RAINBOW_CRT_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#define CRT_HIDDEN __attribute__((visibility("hidden")))

/* The app's own program header of type, or NULL (image.c). */
CRT_HIDDEN const Elf64_Phdr *__rb_image_segment(Elf64_Word type);

/* Run-time minus link-time addresses of the app: 0 unless static-pie. */
CRT_HIDDEN uintptr_t __rb_image_bias(void);

/*
 * Applies the app's own relocations when it is static-pie (relocate.c).
 * Returns 0, or -1 if it has a relocation type the crt does not handle.
 */
CRT_HIDDEN int __rb_relocate(void);

/* Remembers the auxiliary vector for getauxval() (auxv.c). */
CRT_HIDDEN void __rb_auxv_init(const Elf64_auxv_t *auxv);

/* getauxval() without errno, usable before TLS exists: 0 when absent. */
CRT_HIDDEN unsigned long __rb_auxv_value(unsigned long type);

/* Fills the vDSO entry table from the image at vdso, or stops (vdso_bind.c). */
CRT_HIDDEN void __rb_vdso_bind(const void *vdso);

/* Writes "crt: <what><detail>" where possible, exits 127 (crt_fail.c). */
CRT_HIDDEN _Noreturn void __rb_crt_fail(const char *what, const char *detail);

/*
 * Bytes of memory, any alignment, that __rb_tls_init() needs (tls.c), or
 * 0 if the app's PT_TLS asks for more than the address space holds.
 */
CRT_HIDDEN size_t __rb_tls_area_size(void);

/*
 * Lays a fresh TLS block for one thread out in area: the TLS image, zeroed
 * TLS bss and the thread control block.  Returns the block, as picolibc's
 * <picotls.h> means it (what _set_tls() takes).
 */
CRT_HIDDEN void *__rb_tls_init(void *area);

/* The thread pointer (FS base) belonging to a block from __rb_tls_init(). */
CRT_HIDDEN void *__rb_tls_thread_pointer(void *block);

#endif
