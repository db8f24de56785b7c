/*
 * A user page fault on a reserved page gives it its zeroed frame
 * (memcharge_touch) and returns to retry the access; every other user
 * exception kills the faulting task, never the kernel.  The report
 * names the task, the exception, the faulting address and the code, with
 * RIP symbolized from the module's symbols or the vDSO's.
 */
#include "arch/fault.h"
#include "arch/report.h"
#include "task.h"
#include "tcb.h"
#include "user_layout.h"
#include "vdso_map.h"
#include "elf_sym.h"
#include "arch/layout.h"
#include "arch/cpu.h"
#include "log.h"
#include "memcharge.h"
#include "vm.h"

static void print_user_location(const struct task *t, uint64_t rip)
{
	size_t vdso_size;
	const void *vdso = vdso_image(&vdso_size);
	uint64_t off;
	const char *name;

	kprintf("  at %#lx", rip);
	if (rip >= t->vdso_base && rip - t->vdso_base < vdso_size) {
		name = elf_symbolize(vdso, vdso_size, rip - t->vdso_base, &off);
		kprintf(" <%s+0x%lx> in the vDSO\n", name ? name : "?", name ? off : rip - t->vdso_base);
		return;
	}
	name = elf_symbolize(t->image, t->image_size, rip - t->load_bias, &off);
	if (name)
		kprintf(" <%s+0x%lx> in %s\n", name, off, t->name);
	else
		kprintf(" in %s (no symbol)\n", t->name);
}

/* What a faulting address tells about the bug, when it tells anything. */
static const char *page_fault_hint(const struct task *t, uint64_t addr, size_t vdso_size)
{
	uint64_t guard = t->stack_top - t->stack_size - USER_PAGE_SIZE;

	if (addr >= USER_TOP)
		return "a kernel address";
	if (vm_page_state(t->space, addr & ~(uint64_t)(USER_PAGE_SIZE - 1)) == VM_PAGE_RESERVED)
		return "reserved, but no memory is left to back it (task limit or machine)";
	if (addr < USER_PAGE_SIZE)
		return "a null pointer";
	if (addr >= guard && addr < guard + USER_PAGE_SIZE)
		return "stack overflow into the guard page";
	if (addr >= t->vdso_base - USER_PAGE_SIZE && addr < t->vdso_base + vdso_size)
		return "the read-only vDSO";
	return NULL;
}

void fault_kill_stray_entry(const char *what, uint64_t number, uint64_t offset)
{
	struct task *t = current->task;
	uint64_t site = t->vdso_base + offset;

	klog("task %s killed: %s %lu from %#lx, not the vDSO's entry for it, in thread %ld",
	     t->name, what, number, site, current->id);
	print_user_location(t, site);
	task_end(t, -1, true);
}

void fault_user(const struct trap_frame *f)
{
	if (f->vector == VEC_PAGE_FAULT && !(f->error & PF_PRESENT) && read_cr2() < USER_TOP &&
	    memcharge_touch(current->task, read_cr2()))
		return;
	fault_kill_current(f);
}

void fault_kill_current(const struct trap_frame *f)
{
	struct task *t = current->task;
	size_t vdso_size;

	vdso_image(&vdso_size);
	klog("task %s killed: %s in thread %ld", t->name, trap_name(f->vector), current->id);
	report_exception_line(f);
	if (f->vector == VEC_PAGE_FAULT) {
		const char *hint = page_fault_hint(t, read_cr2(), vdso_size);
		if (hint)
			kprintf("  faulting address is %s\n", hint);
	}
	print_user_location(t, f->rip);
	report_registers(f);
	task_end(t, -1, true);
}
