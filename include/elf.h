/*
 * <elf.h>: the ELF64 definitions of the System V gABI, the x86-64 psABI and
 * the GNU extensions (hash, versions, build-id, stack and unwind segments)
 * that Rainbow reads and writes.  The one copy: the kernel's loader, checker
 * and symbolizer, the crt, vdsocheck and the host tests compile against it,
 * and the sysroot installs it for apps (picolibc ships no <elf.h>).
 *
 * A subset with the standard names, values and guard, so code written
 * against it also builds against a libc's <elf.h>, and a host header that
 * includes <elf.h> gets this one.
 */
#ifndef _ELF_H
#define _ELF_H

#include <stdint.h>

typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef int32_t  Elf64_Sword;
typedef uint64_t Elf64_Xword;
typedef int64_t  Elf64_Sxword;
typedef uint64_t Elf64_Addr;
typedef uint64_t Elf64_Off;
typedef uint16_t Elf64_Section;
typedef Elf64_Half Elf64_Versym;

/* ELF header: e_ident */
#define EI_NIDENT   16
#define EI_MAG0     0
#define EI_MAG1     1
#define EI_MAG2     2
#define EI_MAG3     3
#define EI_CLASS    4
#define EI_DATA     5
#define EI_VERSION  6
#define ELFMAG0     0x7f
#define ELFMAG1     'E'
#define ELFMAG2     'L'
#define ELFMAG3     'F'
#define ELFMAG      "\177ELF"
#define SELFMAG     4
#define ELFCLASS32  1
#define ELFCLASS64  2
#define ELFDATA2LSB 1
#define EV_CURRENT  1

/* e_type */
#define ET_NONE     0
#define ET_REL      1
#define ET_EXEC     2
#define ET_DYN      3
#define ET_CORE     4

/* e_machine */
#define EM_X86_64   62
#define EM_AARCH64  183	/* what a module for another machine says */

/* e_phnum: the real count is in section header 0's sh_info */
#define PN_XNUM     0xffff

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;
	Elf64_Off  e_phoff;
	Elf64_Off  e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;
	Elf64_Half e_phentsize;
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

/* Program headers: p_type */
#define PT_LOAD         1
#define PT_DYNAMIC      2
#define PT_INTERP       3
#define PT_NOTE         4
#define PT_PHDR         6
#define PT_TLS          7
#define PT_GNU_EH_FRAME 0x6474e550
#define PT_GNU_STACK    0x6474e551

/* p_flags */
#define PF_X 1
#define PF_W 2
#define PF_R 4

typedef struct {
	Elf64_Word  p_type;
	Elf64_Word  p_flags;
	Elf64_Off   p_offset;
	Elf64_Addr  p_vaddr;
	Elf64_Addr  p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align;
} Elf64_Phdr;

/* Section headers: sh_type */
#define SHT_SYMTAB  2
#define SHT_DYNAMIC 6
#define SHT_DYNSYM  11

typedef struct {
	Elf64_Word  sh_name;
	Elf64_Word  sh_type;
	Elf64_Xword sh_flags;
	Elf64_Addr  sh_addr;
	Elf64_Off   sh_offset;
	Elf64_Xword sh_size;
	Elf64_Word  sh_link;
	Elf64_Word  sh_info;
	Elf64_Xword sh_addralign;
	Elf64_Xword sh_entsize;
} Elf64_Shdr;

/* Dynamic section: d_tag */
#define DT_NULL       0
#define DT_NEEDED     1
#define DT_PLTRELSZ   2
#define DT_HASH       4
#define DT_STRTAB     5
#define DT_SYMTAB     6
#define DT_RELA       7
#define DT_RELASZ     8
#define DT_STRSZ      10
#define DT_SONAME     14
#define DT_REL        17
#define DT_RELSZ      18
#define DT_DEBUG      21
#define DT_TEXTREL    22
#define DT_JMPREL     23
#define DT_FLAGS      30
#define DT_RELRSZ     35
#define DT_RELR       36
#define DT_GNU_HASH   0x6ffffef5
#define DT_VERSYM     0x6ffffff0
#define DT_VERDEF     0x6ffffffc
#define DT_VERDEFNUM  0x6ffffffd

/* DT_FLAGS bits */
#define DF_TEXTREL    0x4

typedef struct {
	Elf64_Sxword d_tag;
	union {
		Elf64_Xword d_val;
		Elf64_Addr  d_ptr;
	} d_un;
} Elf64_Dyn;

/* Symbols */
#define SHN_UNDEF  0
#define SHN_ABS    0xfff1

#define STB_LOCAL  0
#define STB_GLOBAL 1
#define STB_WEAK   2

#define STT_NOTYPE 0
#define STT_OBJECT 1
#define STT_FUNC   2

#define ELF64_ST_BIND(info)       ((info) >> 4)
#define ELF64_ST_TYPE(info)       ((info) & 0xf)
#define ELF64_ST_INFO(bind, type) (((bind) << 4) + ((type) & 0xf))

typedef struct {
	Elf64_Word    st_name;
	unsigned char st_info;
	unsigned char st_other;
	Elf64_Section st_shndx;
	Elf64_Addr    st_value;
	Elf64_Xword   st_size;
} Elf64_Sym;

/* Symbol versioning (GNU): a DT_VERSYM entry's version index (binutils'
 * name; bit 15 marks a hidden symbol), and the version definitions */
#define VERSYM_VERSION 0x7fff
#define VER_FLG_BASE   1

typedef struct {
	Elf64_Half vd_version;
	Elf64_Half vd_flags;
	Elf64_Half vd_ndx;
	Elf64_Half vd_cnt;
	Elf64_Word vd_hash;
	Elf64_Word vd_aux;     /* offset of the first Elf64_Verdaux */
	Elf64_Word vd_next;    /* offset of the next Elf64_Verdef, 0 at the end */
} Elf64_Verdef;

typedef struct {
	Elf64_Word vda_name;
	Elf64_Word vda_next;
} Elf64_Verdaux;

/* Notes */
#define NT_GNU_BUILD_ID 3

typedef struct {
	Elf64_Word n_namesz;
	Elf64_Word n_descsz;
	Elf64_Word n_type;
} Elf64_Nhdr;

/* Relocations (x86-64 psABI) */
#define R_X86_64_NONE     0
#define R_X86_64_RELATIVE 8

#define ELF64_R_TYPE(info) ((info) & 0xffffffff)

typedef struct {
	Elf64_Addr   r_offset;
	Elf64_Xword  r_info;
	Elf64_Sxword r_addend;
} Elf64_Rela;

/* Auxiliary vector, after envp on the initial stack: a_type */
#define AT_NULL          0
#define AT_IGNORE        1
#define AT_EXECFD        2
#define AT_PHDR          3
#define AT_PHENT         4
#define AT_PHNUM         5
#define AT_PAGESZ        6
#define AT_BASE          7
#define AT_FLAGS         8
#define AT_ENTRY         9
#define AT_NOTELF        10
#define AT_UID           11
#define AT_EUID          12
#define AT_GID           13
#define AT_EGID          14
#define AT_PLATFORM      15
#define AT_HWCAP         16
#define AT_CLKTCK        17
#define AT_SECURE        23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM        25
#define AT_HWCAP2        26
#define AT_EXECFN        31
#define AT_SYSINFO_EHDR  33
#define AT_MINSIGSTKSZ   51

typedef struct {
	uint64_t a_type;
	union {
		uint64_t a_val;
	} a_un;
} Elf64_auxv_t;

#endif
