/*
 * x86-64 control registers, MSRs and flags by name, for C and for boot.S
 * (the constants only); then thin wrappers around the instructions that C
 * cannot express.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#ifdef __ASSEMBLER__
#define CPU_BIT(n) (1 << (n))
#else
#define CPU_BIT(n) (1ul << (n))
#endif

#define CR0_PE   CPU_BIT(0)
#define CR0_MP   CPU_BIT(1)
#define CR0_EM   CPU_BIT(2)
#define CR0_TS   CPU_BIT(3)
#define CR0_WP   CPU_BIT(16)
#define CR0_PG   CPU_BIT(31)

#define CR4_PAE        CPU_BIT(5)
#define CR4_OSFXSR     CPU_BIT(9)
#define CR4_OSXMMEXCPT CPU_BIT(10)
#define CR4_UMIP       CPU_BIT(11)
#define CR4_PCIDE      CPU_BIT(17)	/* CR3[11:0] is the PCID (arch/pcid.h) */
#define CR4_SMEP       CPU_BIT(20)
#define CR4_SMAP       CPU_BIT(21)

/* With CR4.PCIDE: CR3's PCID, and the bit of a load that keeps that PCID's TLB entries. */
#define CR3_PCID    0xfff
#define CR3_NOFLUSH CPU_BIT(63)

#define MSR_EFER          0xc0000080
#define MSR_STAR          0xc0000081
#define MSR_LSTAR         0xc0000082
#define MSR_SFMASK        0xc0000084
#define MSR_FS_BASE       0xc0000100
#define MSR_GS_BASE       0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102	/* what swapgs exchanges with GS's base */

#define EFER_SCE CPU_BIT(0)
#define EFER_LME CPU_BIT(8)
#define EFER_NXE CPU_BIT(11)

#define RFLAGS_RSVD CPU_BIT(1)
#define RFLAGS_TF   CPU_BIT(8)
#define RFLAGS_IF   CPU_BIT(9)
#define RFLAGS_DF   CPU_BIT(10)
#define RFLAGS_NT   CPU_BIT(14)
#define RFLAGS_AC   CPU_BIT(18)

#ifdef __ASSEMBLER__
/*
 * In 32-bit code, CR4.PAE set and CR3 loaded: turn on long mode with
 * no-execute pages, then paging (write protection in the kernel too).
 * The CPU is then in compatibility mode until a far jump to 64-bit code.
 * Clobbers eax, ecx, edx.  boot.S and ap_boot.S.
 */
.macro ENABLE_LONG_MODE
	movl $MSR_EFER, %ecx
	rdmsr
	orl $(EFER_LME | EFER_NXE), %eax
	wrmsr
	movl %cr0, %eax
	orl $(CR0_PG | CR0_WP), %eax
	movl %eax, %cr0
.endm
#else
#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t read_cr2(void)
{
	uint64_t v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint64_t read_cr3(void)
{
	uint64_t v;
	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t read_cr4(void)
{
	uint64_t v;
	__asm__ volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

/* Set bits in CR4 (the protections of protect.c), keeping the others. */
static inline void cr4_set(uint64_t bits)
{
	uint64_t v;
	__asm__ volatile("mov %%cr4, %0\n\tor %1, %0\n\tmov %0, %%cr4" : "=&r"(v) : "r"(bits) : "memory");
}

/* CPUID leaf (with subleaf): the four result registers, in order eax, ebx, ecx, edx. */
static inline void cpuid(uint32_t leaf, uint32_t subleaf, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(subleaf));
}

/* SMAP: let the kernel reach user pages (stac), shut them out again (clac). */
static inline void stac(void)
{
	__asm__ volatile("stac" : : : "memory");
}

static inline void clac(void)
{
	__asm__ volatile("clac" : : : "memory");
}

static inline void invlpg(uint64_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* Let one pending interrupt in and wait for it: the idle loop's only job. */
static inline void wait_for_interrupt(void)
{
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

static inline _Noreturn void halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

#endif /* __ASSEMBLER__ */

#endif
