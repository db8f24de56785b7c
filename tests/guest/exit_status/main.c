/*
 * Ends the task with a status given on its command line, by one of the
 * ways a C program ends: `exit_status HOW STATUS`, HOW one of exit,
 * return (from main), _Exit, thread (rb_thread_exit of the last thread).
 * tests/guest/exit_status.sh checks what the kernel reports: the low 8
 * bits, as POSIX passes them to a parent.
 */
#include <stdlib.h>
#include <string.h>

#include <rainbow/syscall.h>

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	int status = atoi(argv[2]);
	if (strcmp(argv[1], "exit") == 0)
		exit(status);
	if (strcmp(argv[1], "_Exit") == 0)
		_Exit(status);
	if (strcmp(argv[1], "thread") == 0)
		rb_thread_exit(status);
	return strcmp(argv[1], "return") == 0 ? status : 2;
}
