/*
 * echo: print the arguments, separated by one blank, then a newline.
 *   echo [-n] [WORD...]    -n: no newline
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int i = 1, newline = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i++;
	}
	for (int first = i; i < argc; i++)
		printf("%s%s", i > first ? " " : "", argv[i]);
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
