#ifndef ARCH_INTERRUPT_H
#define ARCH_INTERRUPT_H

#include <stdint.h>
#include <stdbool.h>

#include "sysno.h"

/*
 * What entry.S saves on the kernel stack for every interrupt, exception
 * and int $0x80 system call.  Field order mirrors the pushes in entry.S.
 * A system call's frame holds only the arguments, rax, rcx, r11 and the
 * CPU's part: rbx, rbp, r12..r15, vector and error are not written there
 * (entry.S SYSCALL_TRAP), and nothing may read them.
 */
struct trap_frame {
	/* The system call arguments, in argument order: the table's arg[]. */
	uint64_t rdi, rsi, rdx, r10, r8, r9;
	/* rcx and r11 next to them: a system call saves all these with pushes only. */
	uint64_t rax, rcx, r11;
	uint64_t rbx, rbp, r12, r13, r14, r15;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

_Static_assert(sizeof(struct trap_frame) == 22 * 8, "entry.S pushes 22 words");
_Static_assert(__builtin_offsetof(struct trap_frame, r9) == 5 * 8,
	       "syscall_args gives rdi..r9 as one array");

#define VEC_DOUBLE_FAULT   8
#define VEC_PAGE_FAULT     14
/* A page fault's error code bits. */
#define PF_PRESENT 0x01		/* protection violation, not an absent page */
#define PF_WRITE   0x02
#define PF_USER    0x04
#define PF_FETCH   0x10
#define VEC_IRQ_BASE       32
#define VEC_IRQ_COUNT      16
/* The local APICs' own vectors (lapic.c), after the 8259's: */
#define VEC_LAPIC_TIMER    48	/* this CPU's timer (the other CPUs' tick) */
#define VEC_KICK           49	/* another CPU asks this one into the kernel (smp.c) */
#define VEC_STUBS          50	/* vectors 0 .. VEC_STUBS - 1 have a stub in entry.S */
#define VEC_SYSCALL        RB_SYSCALL_VECTOR	/* vdso/sysno.h, the vDSO's side */

/*
 * The interrupt-path system call (int $0x80): the number in rax, the six
 * arguments in rdi, rsi, rdx, r10, r8, r9 (laid out in that order, so they
 * are one array), the result back in rax.
 */
static inline uint64_t syscall_number(const struct trap_frame *f)
{
	return f->rax;
}

static inline const uint64_t *syscall_args(const struct trap_frame *f)
{
	return &f->rdi;
}

static inline void syscall_set_result(struct trap_frame *f, uint64_t value)
{
	f->rax = value;
}

/* The interrupt-path trap instruction, int $0x80, is two bytes long. */
#define SYSCALL_TRAP_BYTES 2

/* Where the caller resumes: right after its trap instruction. */
static inline uint64_t syscall_resume_address(const struct trap_frame *f)
{
	return f->rip;
}

static inline bool trap_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}

const char *trap_name(uint64_t vector);
void trap_dispatch(struct trap_frame *f);
/*
 * Fill the interrupt descriptor table and load it on the boot CPU: int
 * $0x80's gate takes the kernel lock or not, as klock_shared says now (so
 * the boot CPU calls it again once it has found other CPUs).
 */
void idt_init(void);
/* Load the table idt_init filled, on another CPU. */
void idt_load(void);

/* entry.S: leave the kernel through the frame at the top of this stack. */
_Noreturn void trap_return(struct trap_frame *f);

#endif
