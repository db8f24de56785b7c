/*
 * fault_ud: executes ud2, the invalid opcode (#UD).
 */
#include <stdio.h>

int main(void)
{
	printf("fault_ud: executing ud2\n");
	__builtin_trap();
}
