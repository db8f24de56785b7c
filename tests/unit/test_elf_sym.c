/* Host tests of kernel/elf_sym.c on this very test program's symbols. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "elf_sym.h"

extern char __executable_start[];
static uint8_t *self;
static size_t self_size;

__attribute__((noinline)) void symbol_to_find(void)
{
	__asm__ volatile("nop; nop; nop; nop");
}

static int load_self(void **state)
{
	FILE *f = fopen("/proc/self/exe", "rb");
	(void)state;
	if (!f)
		return -1;
	self = malloc(8 << 20);
	self_size = fread(self, 1, 8 << 20, f);
	fclose(f);
	return self_size ? 0 : -1;
}

/* The address as linked: runtime address minus where the image was placed. */
static uint64_t linked(void (*fn)(void))
{
	return (uintptr_t)fn - (uintptr_t)__executable_start;	/* a PIE links at 0 */
}

static void finds_function_and_offset(void **state)
{
	uint64_t off = 99;
	(void)state;
	const char *name = elf_symbolize(self, self_size, linked(symbol_to_find) + 2, &off);
	assert_non_null(name);
	assert_string_equal(name, "symbol_to_find");
	assert_int_equal(off, 2);
}

static void outside_any_function_is_null(void **state)
{
	uint64_t off;
	(void)state;
	assert_null(elf_symbolize(self, self_size, 0xffffffff00000000ull, &off));
}

static void truncated_or_garbage_images_are_null(void **state)
{
	uint64_t off;
	static uint8_t garbage[4096];
	(void)state;
	assert_null(elf_symbolize(self, 32, linked(symbol_to_find), &off));
	/* The section headers sit at the end of the file: cut them off. */
	assert_null(elf_symbolize(self, self_size / 2, linked(symbol_to_find), &off));
	memset(garbage, 0xff, sizeof(garbage));
	assert_null(elf_symbolize(garbage, sizeof(garbage), 0x1000, &off));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_function_and_offset),
		cmocka_unit_test(outside_any_function_is_null),
		cmocka_unit_test(truncated_or_garbage_images_are_null),
	};
	return cmocka_run_group_tests(tests, load_self, NULL);
}
