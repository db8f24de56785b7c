/* A static library of the test projects: the hypotenuse, through libm. */
#include <math.h>

#include "greet.h"

double greet_hypot(double a, double b)
{
	return sqrt(a * a + b * b);
}
