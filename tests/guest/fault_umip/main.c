/*
 * fault_umip sidt|sgdt: stores the IDT or GDT register, which would tell
 * user mode where the kernel keeps its tables.  With UMIP on (-cpu max)
 * the instruction raises a general protection fault and the task is
 * killed; without it, it prints the base and fails.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct table_register {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

int main(int argc, char **argv)
{
	struct table_register r = { 0, 0 };
	const char *what = argc > 1 ? argv[1] : "sidt";

	printf("fault_umip: trying %s\n", what);
	if (!strcmp(what, "sgdt"))
		__asm__ volatile("sgdt %0" : "=m"(r));
	else
		__asm__ volatile("sidt %0" : "=m"(r));
	printf("fault_umip: %s not refused, base %#llx\n", what, (unsigned long long)r.base);
	return 1;
}
