/*
 * Kernel self-tests triggered from the command line.  Each one must end in
 * a panic report: they exist to prove the report and the failure status.
 */
#include "selftest.h"
#include "log.h"
#include "panic.h"
#include "machine.h"
#include <string.h>
#include <stdint.h>

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

static const struct {
	const char *name;
	void (*run)(void);
} selftests[] = {
	{ "pagefault", fault_page },
	{ "ud2", fault_opcode },
	{ "assert", fault_assert },
};

/* The value of "key=" in a space-separated command line, length in *len. */
static const char *cmdline_value(const char *cmdline, const char *key, size_t *len)
{
	size_t klen = strlen(key);

	for (const char *p = cmdline; *p; p++) {
		if ((p == cmdline || p[-1] == ' ') && !strncmp(p, key, klen) && p[klen] == '=') {
			p += klen + 1;
			*len = strcspn(p, " ");
			return p;
		}
	}
	return NULL;
}

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
