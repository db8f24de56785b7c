/*
 * fault_null: writes to address 0, for the kernel's page fault report.
 */
#include <stdio.h>

/* volatile: the compiler must not see the address is NULL and drop the store. */
static int *volatile target = NULL;

int main(void)
{
	printf("fault_null: writing to address 0\n");
	*target = 42;
	printf("fault_null: still running, the write did not fault\n");
	return 1;
}
