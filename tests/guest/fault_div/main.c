/*
 * fault_div: divides an integer by zero (#DE).
 */
#include <stdio.h>

/* volatile, both: the division must happen at run time, as a division. */
static volatile int dividend = 42;
static volatile int divisor = 0;

int main(void)
{
	printf("fault_div: dividing by zero\n");
	printf("fault_div: still running, got %d\n", dividend / divisor);
	return 1;
}
