/*
 * The program both test projects build (tests/guest/sdk.sh): a static
 * library, libm, argv, and the results of the project's configure checks.
 */
#include <stdio.h>

#include "features.h"
#include "greet.h"

int main(int argc, char **argv)
{
	printf("%s: hypot(3, 4) = %.1f, argv[1] = %s\n", BUILD_SYSTEM,
	       greet_hypot(3, 4), argc > 1 ? argv[1] : "(none)");
	show_features();
	return 0;
}
