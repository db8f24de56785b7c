/*
 * stray_trap [syscall]: a kernel entry of its own from app code instead
 * of the vDSO's entry for the call: int $0x80 (system call 1), or with
 * "syscall" the SYSCALL instruction (IPC operation 0, call).  The kernel
 * accepts each only from the vDSO's recorded site, so the task is killed
 * with a report naming this instruction.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	long ret, number = 1, op = 0;

	if (argc > 1 && !strcmp(argv[1], "syscall")) {
		printf("stray_trap: SYSCALL from app code\n");
		__asm__ volatile("syscall" : "=a"(ret) : "a"(op) : "rcx", "r11", "memory");
	} else {
		printf("stray_trap: int $0x80 from app code\n");
		__asm__ volatile("int $0x80" : "=a"(ret) : "a"(number) : "memory");
	}
	printf("stray_trap: not refused, returned %ld\n", ret);
	return 1;
}
