/*
 * The x86-64 side of threads: a new thread's first kernel stack, and the
 * per-thread CPU state that changes on a switch (kernel stack for traps,
 * FS and GS bases, the address space).
 */
#include "tcb.h"
#include "arch/thread_arch.h"
#include "task.h"
#include "arch/interrupt.h"
#include "arch/gdt.h"
#include "arch/cpu.h"
#include "vm.h"
#include <string.h>

extern char thread_first_run[];

void thread_start_user(struct thread *t, uint64_t entry, uint64_t sp, uint64_t arg)
{
	struct trap_frame *f = (struct trap_frame *)(thread_stack_top(t) - sizeof(*f));
	struct switch_frame *s = (struct switch_frame *)f - 1;

	memset(f, 0, sizeof(*f));
	f->rip = entry;
	f->rsp = sp;
	f->rdi = arg;
	f->cs = SEL_USER_CODE;
	f->ss = SEL_USER_DATA;
	f->rflags = RFLAGS_IF | RFLAGS_RSVD;
	memset(s, 0, sizeof(*s));
	s->ret = (uint64_t)thread_first_run;
	t->kernel_sp = (uint64_t)s;
	fpu_state_init(&t->fpu);
}

void thread_start_kernel(struct thread *t, void (*fn)(void))
{
	struct switch_frame *s = (struct switch_frame *)thread_stack_top(t) - 1;

	memset(s, 0, sizeof(*s));
	s->ret = (uint64_t)fn;
	t->kernel_sp = (uint64_t)s;
	fpu_state_init(&t->fpu);
}

void thread_load_tls(const struct thread *t)
{
	wrmsr(MSR_FS_BASE, t->tls_base);
}
