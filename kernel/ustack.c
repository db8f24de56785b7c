/*
 * The initial user stack, built in a kernel buffer and copied into the
 * task.  From the stack pointer upwards: argc, argv[], NULL, envp[],
 * NULL, the auxiliary vector ending in AT_NULL; strings and
 * AT_RANDOM's bytes sit above, at the very top.  Pure code: tested on the
 * host.
 */
#include "ustack.h"
#include "user_layout.h"
#include "cmdline.h"
#include <elf.h>
#include <stdbool.h>
#include <string.h>

#define AUX_PAIRS 11

struct builder {
	uint8_t *buf;
	uint64_t top, size, low;	/* low: bytes used from the top */
};

/* Reserve n bytes below what is used; their user address, or 0 if full. */
static uint64_t push(struct builder *b, const void *src, size_t n)
{
	if (n > b->size - b->low)
		return 0;
	b->low += n;
	memcpy(b->buf + b->size - b->low, src, n);
	return b->top - b->low;
}

/* Push n strings, last first; their user addresses into user[], false if full. */
static bool push_strings(struct builder *b, const char *const *s, unsigned n, uint64_t *user)
{
	for (unsigned i = n; i-- > 0;)
		if (!(user[i] = push(b, s[i], strlen(s[i]) + 1)))
			return false;
	return true;
}

uint64_t ustack_build(uint8_t *buf, size_t size, uint64_t top,
		      const struct ustack_info *info, const char **why)
{
	struct builder b = { buf, top, size, 0 };
	unsigned argc = info->argc, envc = info->envc;
	static uint64_t uargv[CMDLINE_ARGS_MAX], uenvp[CMDLINE_ENV_MAX];

	*why = "arguments do not fit on the initial stack";
	if (argc > CMDLINE_ARGS_MAX || envc > CMDLINE_ENV_MAX ||
	    !push_strings(&b, info->argv, argc, uargv) || !push_strings(&b, info->envp, envc, uenvp))
		return 0;
	uint64_t random = push(&b, info->random, sizeof(info->random));
	if (!random)
		return 0;

	uint64_t aux[AUX_PAIRS][2] = {
		{ AT_PHDR, info->phdr }, { AT_PHENT, info->phent }, { AT_PHNUM, info->phnum },
		{ AT_PAGESZ, USER_PAGE_SIZE }, { AT_BASE, 0 /* no interpreter */ }, { AT_ENTRY, info->entry },
		{ AT_UID, 0 }, { AT_RANDOM, random }, { AT_SYSINFO_EHDR, info->vdso },
		{ AT_SECURE, 0 }, { AT_NULL, 0 },
	};
	uint64_t words = 1 + argc + 1 + envc + 1 + 2 * AUX_PAIRS;
	/* The stack pointer must be 16-byte aligned at the entry point. */
	uint64_t sp = (top - b.low - words * 8) & ~15ull;
	if (top - sp > size)
		return 0;
	uint64_t *w = (uint64_t *)(buf + size - (top - sp));
	*w++ = argc;
	for (unsigned i = 0; i < argc; i++)
		*w++ = uargv[i];
	*w++ = 0;			/* end of argv */
	for (unsigned i = 0; i < envc; i++)
		*w++ = uenvp[i];
	*w++ = 0;			/* end of envp */
	memcpy(w, aux, sizeof(aux));
	*why = NULL;
	return sp;
}
