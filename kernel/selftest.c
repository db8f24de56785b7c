/*
 * Kernel self-tests triggered from the command line.  Each one must end in
 * a panic report: they exist to prove the report and the failure status.
 */
#include "selftest.h"
#include "cmdline.h"
#include "log.h"
#include "panic.h"
#include "machine.h"
#include "phys.h"
#include "vm.h"
#include <string.h>
#include <stdint.h>

#define SELFTEST_USER_VA 0x200000	/* any user address */

static void fault_page(void)
{
	*(volatile uint64_t *)0xdead0000 = 1;
}

static void fault_opcode(void)
{
	machine_invalid_instruction();
}

static void fault_assert(void)
{
	KASSERT(1 + 1 == 3);
}

/* The kernel's own text, written through the direct map: read-only there too. */
static void fault_text_write(void)
{
	*(volatile uint8_t *)phys_to_virt(vm_kernel_image_phys((const void *)fault_page)) = 0;
}

/*
 * A user page read outside the user-copy routines: a fault when the CPU
 * keeps the kernel out of user pages (SMAP), silence on a CPU without.
 */
static void fault_user_read(void)
{
	uint64_t space = vm_create();

	KASSERT(space && vm_map_fresh(space, SELFTEST_USER_VA, PAGE_SIZE, VM_USER | VM_WRITE));
	vm_switch(space);
	(void)*(volatile uint64_t *)SELFTEST_USER_VA;
}

static const struct {
	const char *name;
	void (*run)(void);
} selftests[] = {
	{ "pagefault", fault_page },
	{ "ud2", fault_opcode },
	{ "assert", fault_assert },
	{ "text_write", fault_text_write },
	{ "user_read", fault_user_read },
};

void selftest_run(const char *cmdline)
{
	size_t len;
	const char *name = cmdline_value(cmdline, "selftest", &len);

	if (!name)
		return;
	for (size_t i = 0; i < sizeof(selftests) / sizeof(selftests[0]); i++) {
		if (strlen(selftests[i].name) == len && !strncmp(name, selftests[i].name, len)) {
			klog("selftest: %s", selftests[i].name);
			selftests[i].run();
			panic("selftest %s did not fault", selftests[i].name);
		}
	}
	panic("unknown selftest \"%.*s\"", (int)len, name);
}
