/*
 * fault_gp: reads a non-canonical address, which raises a general
 * protection fault (#GP), not a page fault.
 */
#include <stdint.h>
#include <stdio.h>

#define NON_CANONICAL 0x8000000000000000ull

static const volatile long *volatile target = (const volatile long *)NON_CANONICAL;

int main(void)
{
	printf("fault_gp: reading non-canonical address %#llx\n", NON_CANONICAL);
	printf("fault_gp: still running, read %ld\n", *target);
	return 1;
}
