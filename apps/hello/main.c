/*
 * hello: stdio, floating-point printf and libm, the least an app needs.
 */
#include <math.h>
#include <stdio.h>

int main(void)
{
	printf("hello from Rainbow, pi is about %.5f\n", 4 * atan(1.0));
	return 0;
}
