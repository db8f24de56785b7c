/*
 * The initial user stack, built in a kernel buffer and copied into the
 * task.  From the stack pointer upwards: argc, argv[], NULL, envp[]
 * (empty), NULL, the auxiliary vector ending in AT_NULL; strings and
 * AT_RANDOM's bytes sit above, at the very top.  Pure code: tested on the
 * host.
 */
#include "ustack.h"
#include "user_layout.h"
#include <elf.h>
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

static unsigned split_args(char *copy, char *argv[USTACK_MAX_ARGS], const char **why)
{
	unsigned argc = 0;

	for (char *p = strtok(copy, " "); p; p = strtok(NULL, " ")) {
		if (argc == USTACK_MAX_ARGS) {
			*why = "more than 64 arguments";
			return 0;
		}
		argv[argc++] = p;
	}
	if (!argc)
		*why = "empty command line";
	return argc;
}

uint64_t ustack_build(uint8_t *buf, size_t size, uint64_t top,
		      const struct ustack_info *info, const char **why)
{
	struct builder b = { buf, top, size, 0 };
	char copy[1024];
	char *argv[USTACK_MAX_ARGS];
	uint64_t uargv[USTACK_MAX_ARGS];

	*why = "arguments do not fit on the initial stack";
	if (strlen(info->cmdline) >= sizeof(copy)) {
		*why = "command line longer than 1023 bytes";
		return 0;
	}
	strcpy(copy, info->cmdline);
	unsigned argc = split_args(copy, argv, why);
	if (!argc)
		return 0;
	for (unsigned i = argc; i-- > 0;)
		if (!(uargv[i] = push(&b, argv[i], strlen(argv[i]) + 1)))
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
	uint64_t words = 1 + argc + 1 + 1 + 2 * AUX_PAIRS;
	/* The stack pointer must be 16-byte aligned at the entry point. */
	uint64_t sp = (top - b.low - words * 8) & ~15ull;
	if (top - sp > size)
		return 0;
	uint64_t *w = (uint64_t *)(buf + size - (top - sp));
	*w++ = argc;
	for (unsigned i = 0; i < argc; i++)
		*w++ = uargv[i];
	*w++ = 0;			/* end of argv */
	*w++ = 0;			/* envp: empty */
	memcpy(w, aux, sizeof(aux));
	*why = NULL;
	return sp;
}
