/*
 * Register dumps for exception reports, shared by the kernel panic path
 * and the user fault path (fault.c).
 */
#include "arch/report.h"
#include "panic.h"
#include "backtrace.h"
#include "ksyms.h"
#include "log.h"
#include "arch/cpu.h"
#include "machine.h"

void report_registers(const struct trap_frame *f)
{
	kprintf("  rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
	kprintf("  rsi %016lx rdi %016lx rbp %016lx rsp %016lx\n", f->rsi, f->rdi, f->rbp, f->rsp);
	kprintf("  r8  %016lx r9  %016lx r10 %016lx r11 %016lx\n", f->r8, f->r9, f->r10, f->r11);
	kprintf("  r12 %016lx r13 %016lx r14 %016lx r15 %016lx\n", f->r12, f->r13, f->r14, f->r15);
	kprintf("  rip %016lx rflags %08lx cs %02lx ss %02lx\n", f->rip, f->rflags, f->cs, f->ss);
}

void report_exception_line(const struct trap_frame *f)
{
	kprintf("  %s (vector %lu), error code %#lx", trap_name(f->vector), f->vector, f->error);
	if (f->vector == VEC_PAGE_FAULT)
		kprintf(", cr2 0x%lx (%s, %s, %s mode)", read_cr2(),
			f->error & PF_PRESENT ? "protection violation" : "page not present",
			f->error & PF_FETCH ? "fetch" : (f->error & PF_WRITE ? "write" : "read"),
			f->error & PF_USER ? "user" : "kernel");
	kprintf("\n");
}

_Noreturn void panic_trap(const struct trap_frame *f)
{
	klog("PANIC: unexpected exception in kernel mode");
	report_exception_line(f);
	kprintf("  at ");
	ksyms_print(f->rip);
	kprintf("\n");
	report_registers(f);
	kprintf("  backtrace:\n");
	backtrace_from(f->rbp);
	machine_exit(false);
}
