/*
 * vm_stack_limit: run with RAINBOW_MEM_LIMIT=16M (vm.bundle).  Maps 12 MiB,
 * which is charged at once, then uses 6 MiB of its 8 MiB main stack, which
 * is charged as touched: the touch that passes the limit must kill it with
 * a report, never corrupt memory or stall (vm.sh).
 */
#include <stdio.h>

#include <rainbow/syscall.h>

#define MiB (1ul << 20)

static void use_stack(void)
{
	volatile char big[6 * MiB];

	for (unsigned long i = sizeof big; i >= RB_PAGE_SIZE; i -= RB_PAGE_SIZE)
		big[i - RB_PAGE_SIZE] = 1;
	printf("vm_stack_limit: still running, %d\n", big[0]);
}

int main(void)
{
	long p = rb_mem_map(NULL, 12 * MiB, RB_PROT_READ | RB_PROT_WRITE);

	if (p < 0) {
		printf("vm_stack_limit: could not map 12 MiB (%ld)\n", p);
		return 2;
	}
	printf("vm_stack_limit: 12 MiB mapped, now 6 MiB of stack\n");
	use_stack();
	return 1;
}
