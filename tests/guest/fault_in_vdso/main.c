/*
 * fault_in_vdso: hands the vDSO's rb_clock_gettime a null pointer, so the
 * page fault happens inside the vDSO: its report must name the function
 * wherever the task's vDSO was placed.
 */
#include <stdio.h>
#include <rainbow/syscall.h>

/* volatile: the compiler must not see the pointer is NULL. */
static struct rb_timespec *volatile where = NULL;

int main(void)
{
	printf("fault_in_vdso: rb_clock_gettime into address 0\n");
	rb_clock_gettime(RB_CLOCK_MONOTONIC, where);
	printf("fault_in_vdso: still running, the store did not fault\n");
	return 1;
}
