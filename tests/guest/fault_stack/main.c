/*
 * fault_stack: recurses without end, until the stack runs into the guard
 * page below it.
 */
#include <limits.h>
#include <stdio.h>

/* Never reached; being volatile keeps the recursion from looking endless. */
static volatile unsigned long stop_depth = ULONG_MAX;

static unsigned long recurse(unsigned long depth)
{
	volatile char frame[256];

	frame[0] = (char)depth;
	if (depth == stop_depth)
		return 0;
	return recurse(depth + 1) + (unsigned long)frame[0];
}

int main(void)
{
	printf("fault_stack: recursing until the stack overflows\n");
	printf("fault_stack: still running, got %lu\n", recurse(0));
	return 1;
}
