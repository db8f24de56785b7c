/* The in-memory ELF module of the checker's tests (elf_module.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "elf_module.h"


union elf_module image;
size_t image_size;
struct elf_image out;

/* Headers + text, read-only data, data + bss: what a static app has. */
static const Elf64_Phdr good_loads[] = {
	{ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0x0000,
	  .p_vaddr = 0x400000, .p_filesz = 0x1800, .p_memsz = 0x1800,
	  .p_align = 0x1000 },
	{ .p_type = PT_LOAD, .p_flags = PF_R, .p_offset = 0x2000,
	  .p_vaddr = 0x402000, .p_filesz = 0x0800, .p_memsz = 0x0800,
	  .p_align = 0x1000 },
	{ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = 0x3000,
	  .p_vaddr = 0x403000, .p_filesz = 0x0100, .p_memsz = 0x2000,
	  .p_align = 0x1000 },
};

Elf64_Ehdr *eh(void)
{
	return &image.h.eh;
}

Elf64_Phdr *ph(unsigned index)
{
	return &image.h.ph[index];
}

Elf64_Phdr *add_phdr(uint32_t type)
{
	Elf64_Phdr *p = ph(eh()->e_phnum++);

	memset(p, 0, sizeof *p);
	p->p_type = type;
	return p;
}

void make_exec(unsigned nloads)
{
	static const unsigned char ident[EI_NIDENT] = {
		ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3,
		ELFCLASS64, ELFDATA2LSB, EV_CURRENT,
	};
	unsigned i;

	memset(&image, 0, sizeof image);
	image_size = IMAGE_SIZE;
	memcpy(eh()->e_ident, ident, sizeof ident);
	eh()->e_type = ET_EXEC;
	eh()->e_machine = EM_X86_64;
	eh()->e_version = EV_CURRENT;
	eh()->e_entry = EXEC_ENTRY;
	eh()->e_phoff = offsetof(typeof(image.h), ph);
	eh()->e_ehsize = sizeof(Elf64_Ehdr);
	eh()->e_phentsize = sizeof(Elf64_Phdr);
	for (i = 0; i < nloads; i++)
		*add_phdr(PT_LOAD) = good_loads[i];
}

/* The same layout linked at 0, as a static PIE is. */
void make_dyn(unsigned nloads)
{
	unsigned i;

	make_exec(nloads);
	eh()->e_type = ET_DYN;
	eh()->e_entry -= EXEC_BASE;
	for (i = 0; i < nloads; i++)
		ph(i)->p_vaddr -= EXEC_BASE;
}

const char *check(uint64_t bias)
{
	return elf_check(image.bytes, image_size, bias, USER_LO, USER_HI, &out);
}

void expect_accepted(uint64_t bias)
{
	const char *why = check(bias);

	if (why)
		fail_msg("refused: %s", why);
}

void expect_refused(uint64_t bias, const char *reason)
{
	const char *why = check(bias);

	if (!why)
		fail_msg("accepted, expected \"%s\"", reason);
	assert_string_equal(why, reason);
}


/* A PT_DYNAMIC over the data segment's file bytes holding entries. */
void add_dynamic(const Elf64_Dyn *entries, unsigned count)
{
	Elf64_Phdr *p = add_phdr(PT_DYNAMIC);

	p->p_flags = PF_R | PF_W;
	p->p_offset = DYNAMIC_OFFSET;
	p->p_filesz = count * sizeof *entries;
	p->p_memsz = p->p_filesz;
	memcpy(&image.bytes[DYNAMIC_OFFSET], entries, p->p_filesz);
}

