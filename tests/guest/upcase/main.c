/*
 * upcase IN OUT: copies the text file IN to OUT in capitals.  Plain
 * portable C with nothing of Rainbow's, as any program would be written:
 * the test that a program reads its input file and writes its output
 * file when both come with the bundle (tests/guest/files_clients.sh).
 */
#include <ctype.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	FILE *in, *out;
	int c;

	if (argc != 3) {
		fprintf(stderr, "usage: upcase IN OUT\n");
		return 2;
	}
	if (!(in = fopen(argv[1], "r"))) {
		perror(argv[1]);
		return 1;
	}
	if (!(out = fopen(argv[2], "w"))) {
		perror(argv[2]);
		return 1;
	}
	while ((c = getc(in)) != EOF)
		putc(toupper(c), out);
	if (ferror(in) || fclose(out) != 0) {
		perror("upcase");
		return 1;
	}
	fclose(in);
	return 0;
}
