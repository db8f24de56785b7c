/*
 * The crt's last word when startup cannot go on.  It runs before TLS and
 * stdio exist, maybe before the vDSO is bound, so it writes through the
 * vDSO table directly, when the entries it needs are there.
 */
#include <string.h>

#include <rainbow/syscall.h>

#include "crt.h"
#include "vdso_table.h"

/* An exit status the app itself is unlikely to pick. */
#define CRT_FAILED 127

static void say(const char *s)
{
	__typeof__(rb_console_write) *vdso_write = __rb_vdso_table[VDSO_rb_console_write];

	if (vdso_write)
		vdso_write(s, strlen(s));
}

_Noreturn void __rb_crt_fail(const char *what, const char *detail)
{
	__typeof__(rb_exit) *vdso_exit = __rb_vdso_table[VDSO_rb_exit];

	say("crt: ");
	say(what);
	say(detail);
	say("\n");
	if (vdso_exit)
		vdso_exit(CRT_FAILED);
	/* No way to end the task but a fault, which the kernel reports. */
	__builtin_trap();
}
