/*
 * A module with a 200 MiB .bss: it would fit the machine's memory but not
 * a task's 64 MiB limit, so the kernel refuses it with one line and the
 * modules after it run (mem_modules.sh).  Never runs; if it did, it would
 * say so and fail.
 */
#include <stdio.h>

static volatile char huge[200ul << 20];

int main(void)
{
	huge[0] = 1;
	printf("mem_hugebss ran: its .bss was not charged\n");
	return 1;
}
