/* Host tests of kernel/ustack.c: the System V initial stack layout. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "ustack.h"
#include "user_layout.h"
#include <elf.h>

#define TOP 0x7ffff0000000ull
static uint8_t page[4096];

/* The user address top - (size - i) is page[i]. */
static void *at(uint64_t user)
{
	return page + sizeof(page) - (TOP - user);
}

static const char *const args[] = { "args", "one", "two" };
static const char *const env[] = { "HOME=/", "LANG=C.UTF-8" };

static const struct ustack_info info = {
	.argv = args, .argc = 3, .envp = env, .envc = 2, .phdr = 0x400040, .phent = 56, .phnum = 7,
	.entry = 0x401000, .vdso = 0x7fffaf000000, .random = { 1, 2 },
};

static uint64_t aux(const uint64_t *auxv, uint64_t key)
{
	for (; auxv[0]; auxv += 2)
		if (auxv[0] == key)
			return auxv[1];
	return (uint64_t)-1;
}

static void lays_out_argc_argv_envp_auxv(void **state)
{
	const char *why;
	(void)state;
	uint64_t rsp = ustack_build(page, sizeof(page), TOP, &info, &why);
	assert_non_null((void *)rsp);
	assert_null(why);
	assert_int_equal(rsp % 16, 0);
	uint64_t *w = at(rsp);
	assert_int_equal(w[0], 3);
	assert_string_equal((char *)at(w[1]), "args");
	assert_string_equal((char *)at(w[2]), "one");
	assert_string_equal((char *)at(w[3]), "two");
	assert_int_equal(w[4], 0);		/* argv end */
	assert_string_equal((char *)at(w[5]), "HOME=/");
	assert_string_equal((char *)at(w[6]), "LANG=C.UTF-8");
	assert_int_equal(w[7], 0);		/* envp end */
	const uint64_t *auxv = &w[8];
	assert_int_equal(aux(auxv, AT_PHDR), 0x400040);
	assert_int_equal(aux(auxv, AT_PHENT), 56);
	assert_int_equal(aux(auxv, AT_PHNUM), 7);
	assert_int_equal(aux(auxv, AT_PAGESZ), USER_PAGE_SIZE);
	assert_int_equal(aux(auxv, AT_ENTRY), 0x401000);
	assert_int_equal(aux(auxv, AT_SYSINFO_EHDR), 0x7fffaf000000);
	uint64_t random = aux(auxv, AT_RANDOM);
	assert_true(random > rsp && random < TOP);
	assert_memory_equal(at(random), info.random, 16);
}

static void refuses_what_does_not_fit(void **state)
{
	static char big[3000];
	const char *const one[] = { big };
	struct ustack_info i = info;
	const char *why;
	(void)state;
	assert_int_equal(ustack_build(page, 64, TOP, &info, &why), 0);
	assert_string_equal(why, "arguments do not fit on the initial stack");
	memset(big, 'a', sizeof(big) - 1);
	i.envp = one;
	i.envc = 1;
	assert_int_equal(ustack_build(page, 2048, TOP, &i, &why), 0);
	assert_string_equal(why, "arguments do not fit on the initial stack");
}

static void without_environment(void **state)
{
	struct ustack_info i = info;
	const char *why;
	(void)state;
	i.envc = 0;
	uint64_t rsp = ustack_build(page, sizeof(page), TOP, &i, &why);
	assert_non_null((void *)rsp);
	uint64_t *w = at(rsp);
	assert_int_equal(w[4], 0);		/* argv end */
	assert_int_equal(w[5], 0);		/* envp: empty */
	assert_int_equal(w[6], AT_PHDR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lays_out_argc_argv_envp_auxv),
		cmocka_unit_test(refuses_what_does_not_fit),
		cmocka_unit_test(without_environment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
