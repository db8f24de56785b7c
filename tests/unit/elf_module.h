/*
 * A small ELF module built in memory for the checker's tests: a valid
 * static executable (or PIE) that each test then spoils in one field.
 */
#ifndef TEST_ELF_MODULE_H
#define TEST_ELF_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "elf_check.h"

#define USER_LO      0x1000ull
#define USER_HI      0x800000000000ull
#define KERNEL_BASE  0xffffffff80000000ull
#define PIE_BIAS     0x555555554000ull
#define EXEC_BASE    0x400000ull
#define EXEC_ENTRY   0x400100ull
#define IMAGE_SIZE   0x4000
#define MAX_PHDRS    24
#define DYNAMIC_OFFSET 0x3000

/* Headers first, then the segments' bytes; the union keeps them aligned. */
union elf_module {
	struct {
		Elf64_Ehdr eh;
		Elf64_Phdr ph[MAX_PHDRS];
	} h;
	unsigned char bytes[IMAGE_SIZE];
};

extern union elf_module image;
extern size_t image_size;
extern struct elf_image out;	/* what the last check() described */

Elf64_Ehdr *eh(void);
Elf64_Phdr *ph(unsigned index);
Elf64_Phdr *add_phdr(uint32_t type);
void make_exec(unsigned nloads);
void make_dyn(unsigned nloads);
const char *check(uint64_t bias);
void expect_accepted(uint64_t bias);
void expect_refused(uint64_t bias, const char *reason);
void add_dynamic(const Elf64_Dyn *entries, unsigned count);

#endif
