/*
 * Binding the vDSO: every function of the list of calls (vdso/calls.def),
 * looked up by name in version node RAINBOW_1, goes into the table the
 * app-facing functions jump through.  An app only runs when all of them
 * are there.
 */
#include <stddef.h>

#include <rainbow/dso.h>

#include "crt.h"
#include "vdso_names.h"
#include "vdso_table.h"

void *__rb_vdso_table[VDSO_COUNT];

static const char *const entry_names[VDSO_COUNT] = {
#define RB_VDSO(function) [VDSO_##function] = #function,
#include "calls.def"
};

void __rb_vdso_bind(const void *vdso)
{
	struct rb_dso dso;
	const char *missing = NULL;

	if (!rb_dso_open(&dso, vdso))
		__rb_crt_fail("no usable vDSO at AT_SYSINFO_EHDR", "");
	/* Bind all first, so that the message can go through the console. */
	for (size_t i = 0; i < VDSO_COUNT; i++) {
		__rb_vdso_table[i] = rb_dso_function(&dso, entry_names[i], VDSO_VERSION_STRING);
		if (!__rb_vdso_table[i] && !missing)
			missing = entry_names[i];
	}
	if (missing)
		__rb_crt_fail("the vDSO lacks " VDSO_VERSION_STRING " function ", missing);
}
