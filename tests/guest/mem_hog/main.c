/*
 * mem_hog SECONDS: maps 1 MiB at a time, touching each, until the kernel
 * refuses, prints what it got and why, holds it all for SECONDS, then
 * exits 0 if the refusal was a clean -EAGAIN (its limit) or -ENOMEM (the
 * machine).  Several of them fill the machine beside a bystander that
 * must not notice (mem_limits.sh).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <rainbow/syscall.h>

#define MiB (1ul << 20)

int main(int argc, char **argv)
{
	unsigned seconds = argc > 1 ? (unsigned)atoi(argv[1]) : 3;
	unsigned long got = 0;
	long r;

	while ((r = rb_mem_map(NULL, MiB, RB_PROT_READ | RB_PROT_WRITE)) > 0) {
		for (unsigned long off = 0; off < MiB; off += RB_PAGE_SIZE)
			((volatile char *)r)[off] = 1;
		got++;
	}
	printf("mem_hog: %lu MiB mapped and touched, then %s\n", got,
	       r == -EAGAIN ? "-EAGAIN" : r == -ENOMEM ? "-ENOMEM" : "another error");
	rb_sleep_ns((uint64_t)seconds * 1000000000ull);
	return r == -EAGAIN || r == -ENOMEM ? 0 : 1;
}
