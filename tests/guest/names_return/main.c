/*
 * Registry entries' memory comes back when their task ends (issue 10,
 * outside finding F7): `names_return fill` registers names until its
 * memory limit refuses one, then exits; `names_return one` registers a
 * single name.  tests/guest/names_return.sh compares the kernel's free
 * memory at the end of a bundle of fillers with one of single names.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <rainbow/ipc.h>
#include <rainbow/service.h>
#include <rainbow/syscall.h>

int main(int argc, char **argv)
{
	long port = rb_port_create();
	long handle = port < 0 ? port : rb_port_mint(port, 0);
	unsigned long most = argc > 1 && !strcmp(argv[1], "fill") ? ~0ul : 1;
	unsigned long n = 0;
	long r = 0;
	char name[48];

	if (handle < 0)
		return 1;
	while (n < most) {
		snprintf(name, sizeof(name), "names_return.%ld.%lu", rb_task_id(), n);
		if ((r = rb_ns_register(name, handle)) != 0)
			break;
		n++;
	}
	printf("names_return: %lu names, then %ld\n", n, r);
	return n == most || r == -EAGAIN ? 0 : 1;
}
