/*
 * stray_trap: a system call of its own, an int $0x80 in app code instead
 * of the vDSO's entry for the call.  The kernel accepts calls only from
 * the vDSO's recorded sites, so the task is killed with a report naming
 * this instruction.
 */
#include <stdio.h>

int main(void)
{
	long ret, number = 1;

	printf("stray_trap: int $0x80 from app code\n");
	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(number) : "memory");
	printf("stray_trap: not refused, returned %ld\n", ret);
	return 1;
}
