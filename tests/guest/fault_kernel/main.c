/*
 * fault_kernel: reads the kernel image, mapped supervisor-only.
 */
#include <stdio.h>

#define KERNEL_ADDRESS 0xffffffff80100000ull

static const volatile long *volatile target = (const volatile long *)KERNEL_ADDRESS;

int main(void)
{
	printf("fault_kernel: reading kernel address %#llx\n", KERNEL_ADDRESS);
	printf("fault_kernel: still running, read %ld\n", *target);
	return 1;
}
