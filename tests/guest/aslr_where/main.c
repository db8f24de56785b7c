/*
 * aslr_where NAME: prints where this task was placed, for tests/guest/aslr.sh:
 * "where NAME vdso=A data=D stack=S utcb=U main=M entry=E clock=ok|bad".
 * The vDSO from AT_SYSINFO_EHDR, its data page one page below; the stack
 * top is the end of the page holding argv (the loader builds the initial
 * stack in the top page); the UTCB is this first thread's (slot 0 of the
 * area); main's address moves with a static PIE's base.  entry=ok when
 * AT_ENTRY is _start's address here; clock=ok when the vDSO's clock,
 * which reads the data page, runs.
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/auxv.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#define PAGE 4096ul

extern char _start[];

int main(int argc, char **argv)
{
	uintptr_t vdso = getauxval(AT_SYSINFO_EHDR);
	uintptr_t stack_top = ((uintptr_t)argv | (PAGE - 1)) + 1;
	uint64_t t0 = rb_clock_monotonic_ns();

	for (volatile int i = 0; i < 100000; i++)
		;
	printf("where %s vdso=%#lx data=%#lx stack=%#lx utcb=%#lx main=%#lx entry=%s clock=%s\n",
	       argc > 1 ? argv[1] : "?", (unsigned long)vdso, (unsigned long)(vdso - PAGE),
	       (unsigned long)stack_top, (unsigned long)(uintptr_t)rb_utcb(),
	       (unsigned long)(uintptr_t)main, getauxval(AT_ENTRY) == (uintptr_t)_start ? "ok" : "bad",
	       t0 && rb_clock_monotonic_ns() > t0 ? "ok" : "bad");
	return 0;
}
