/*
 * kmain: bring the machine up in dependency order, then run the bundle.
 * Each step logs one line so a boot log reads as a checklist.
 */
#include "log.h"
#include "panic.h"
#include "machine.h"
#include "multiboot2.h"
#include "memmap.h"
#include "pmm.h"
#include "memcharge.h"
#include "phys.h"
#include "vm.h"
#include "timer.h"
#include "selftest.h"
#include "arch/serial.h"
#include "arch/smp_arch.h"
#include "arch/interrupt.h"
#include "arch/irq.h"
#include "arch/fpu.h"
#include "arch/protect.h"
#include "arch/syscall_arch.h"
#include "arch/layout.h"
#include "sched.h"
#include "loader.h"
#include "vdso_map.h"
#include "task.h"
#include "bundle.h"
#include "bootdata.h"
#include "random.h"
#include "placement.h"
#include "console_input.h"
#include "klock.h"
#include "smp.h"
#include <string.h>

#define BOOT_INFO_MAX (64 * 1024)
#define LOW_MEMORY_END 0x100000		/* BIOS data, EBDA, ROMs: never ours */
#define LOW_PAGE_FIRST 0x1000		/* below: the real-mode interrupt table and BIOS data */

extern char kernel_start[], kernel_end[];
static struct boot_info boot;

static void parse_boot_info(uint32_t magic, uint64_t info_phys)
{
	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not booted by a multiboot2 loader (magic %#x)", magic);
	const void *info = phys_to_virt(info_phys);
	uint32_t size = multiboot2_total_size(info);
	if (size > BOOT_INFO_MAX)
		panic("boot information too large (%u bytes)", size);
	const char *why = multiboot2_parse(info, size, &boot);
	if (why)
		panic("bad boot information: %s", why);
	klog("booted by %s, command line \"%s\"", boot.loader, boot.cmdline);
}

/* RAM that holds nothing the kernel uses: not the image, the boot information or a module. */
static struct memmap unused_ram(uint64_t info_phys)
{
	struct memmap m = boot.ram;
	bool ok = memmap_remove(&m, vm_kernel_image_phys(kernel_start), kernel_end - kernel_start) &&
		  memmap_remove(&m, info_phys, multiboot2_total_size(phys_to_virt(info_phys)));
	for (unsigned i = 0; i < boot.nmodules; i++)
		ok = ok && memmap_remove(&m, boot.modules[i].start, boot.modules[i].end - boot.modules[i].start);
	if (!ok)
		panic("memory map too fragmented");
	memmap_page_align(&m, PAGE_SIZE);
	return m;
}

/* What the allocator may hand out: unused RAM above the first MiB. */
static struct memmap free_ram(uint64_t info_phys)
{
	struct memmap m = unused_ram(info_phys);
	if (!memmap_remove(&m, 0, LOW_MEMORY_END))
		panic("memory map too fragmented");
	return m;
}

/* A page of unused RAM below 1 MiB, for the other CPUs' start-up code; 0 if none. */
static uint64_t low_page(uint64_t info_phys)
{
	struct memmap m = unused_ram(info_phys);
	for (unsigned i = 0; i < m.count; i++) {
		uint64_t base = m.r[i].base < LOW_PAGE_FIRST ? LOW_PAGE_FIRST : m.r[i].base;
		if (base + PAGE_SIZE <= m.r[i].base + m.r[i].len && base + PAGE_SIZE <= LOW_MEMORY_END)
			return base;
	}
	return 0;
}

static void init_memory(uint64_t info_phys)
{
	for (unsigned i = 0; i < boot.ram.count; i++)
		klog("memory: 0x%012lx-0x%012lx available (%lu KiB)", boot.ram.r[i].base,
		     boot.ram.r[i].base + boot.ram.r[i].len, boot.ram.r[i].len / 1024);
	struct memmap m = free_ram(info_phys);
	pmm_init(&m);
	klog("memory: %lu KiB usable of %lu KiB, kernel image %lu KiB, %lu KiB per task",
	     pmm_free_pages() * (PAGE_SIZE / 1024), memmap_total(&boot.ram) / 1024,
	     (uint64_t)(kernel_end - kernel_start) / 1024, memcharge_default_limit() * (PAGE_SIZE / 1024));
	vm_init(&boot.ram);
	klog("paging: kernel sections mapped with their own rights, direct map at %#lx",
	     (uint64_t)DIRECT_MAP_BASE);
}

static void start_modules(void)
{
	klog("modules: %u", boot.nmodules);
	for (unsigned i = 0; i < boot.nmodules; i++) {
		const struct boot_module *m = &boot.modules[i];
		klog("module %u: %lu bytes, \"%s\"", i, m->end - m->start, m->cmdline);
		if (bootdata_claim(m->start, m->end, m->cmdline))
			continue;
		loader_start_module(phys_to_virt(m->start), m->end - m->start, m->cmdline, i);
	}
	for (unsigned i = 0; i < boot.skipped_modules; i++) {
		klog("module %u refused: more than %u modules", BOOT_MODULES_MAX + i, BOOT_MODULES_MAX);
		bundle_note_refused();
	}
}

_Noreturn void kmain(uint32_t magic, uint64_t info_phys)
{
	uint64_t entered = machine_cycles();

	serial_init();
	klog("Rainbow kernel, x86_64, long mode");
	protect_init();
	arch_boot_cpu_init();
	/* Held through the bring-up; shared once other CPUs run (docs/kernel.md, CPUs). */
	klock_take();
	idt_init();
	fpu_init();
	syscall_arch_init();
	parse_boot_info(magic, info_phys);
	init_memory(info_phys);
	selftest_run(boot.cmdline);
	console_input_init(boot.cmdline);	/* before input interrupts */
	sched_init();
	irq_init();
	uint64_t calibrating = machine_cycles();
	timer_calibrate(2);
	uint64_t calibrated = machine_cycles();
	klog("timer: %u Hz, ticking (%lu ticks), TSC %lu kHz", TIMER_HZ, timer_ticks(),
	     timer_tsc_hz() / 1000);
	/* For make bench's boot figure (docs/bench.md): the calibration's halts left out. */
	klog("boot: %lu cycles before the timer's calibration, which ended at cycle %lu",
	     calibrating - entered, calibrated);
	smp_init(&boot, low_page(info_phys));
	random_init();
	vdso_init();
	placement_init(boot.cmdline);
	start_modules();
	sched_start();
}
