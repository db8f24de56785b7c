/*
 * A portable C program that knows nothing of Rainbow: the test compiles it
 * with nothing but `gcc -specs=build/sysroot/rainbow.specs ... -lm`.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	char *copy = strdup(argc > 1 ? argv[1] : "nothing");
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	printf("outside: sqrt(2) = %.6f, argument \"%s\", clock %s\n", sqrt(2.0), copy,
	       ts.tv_sec >= 0 ? "works" : "broken");
	free(copy);
	return EXIT_SUCCESS;
}
