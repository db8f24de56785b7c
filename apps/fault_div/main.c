/*
 * fault_div: divides an integer by zero (#DE).
 */
#include <stdio.h>

/* volatile: the division happens at run time, not in the compiler. */
static volatile int zero = 0;

int main(void)
{
	printf("fault_div: dividing by zero\n");
	printf("fault_div: still running, got %d\n", 1 / zero);
	return 1;
}
