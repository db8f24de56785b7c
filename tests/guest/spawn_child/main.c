/*
 * The child test_spawn starts from memory (rb_task_spawn), one behaviour
 * per argv[1]:
 *   exit N      exit(N)
 *   fault       write through a null pointer (killed by the kernel)
 *   spin        spin without end (until killed)
 *   args        exit 0 if argv is "spawn_child args two" and envp is
 *               "K=v" "EMPTY=", else 1
 *   sleep MS    sleep MS milliseconds, print a line, exit 7
 *   spawn ID    try to wait for and kill task ID, not its child: exit 0
 *               if both are refused as they should be, else 1
 *   lookup NAME exit 0 if the name registry has NAME, else 1
 *   map MIB     map and touch MIB MiB: exit 0, or 2 when refused with
 *               -EAGAIN, 3 for another error
 *   hold MIB    the same, then sleep without end (until killed)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

static int args_ok(int argc, char **argv, char **envp)
{
	return argc == 3 && !strcmp(argv[0], "spawn_child") && !strcmp(argv[2], "two") &&
	       envp[0] && !strcmp(envp[0], "K=v") && envp[1] && !strcmp(envp[1], "EMPTY=") &&
	       !envp[2] && !strcmp(getenv("K"), "v");
}

int main(int argc, char **argv, char **envp)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (!strcmp(what, "exit") && argc > 2)
		exit(atoi(argv[2]));
	if (!strcmp(what, "fault"))
		*(volatile int *)0 = 1;
	if (!strcmp(what, "spin"))
		for (;;)
			;
	if (!strcmp(what, "args"))
		return args_ok(argc, argv, envp) ? 0 : 1;
	if (!strcmp(what, "sleep") && argc > 2) {
		rb_sleep_ns((uint64_t)atol(argv[2]) * 1000000);
		printf("spawn_child: orphan still running, task %ld\n", rb_task_id());
		return 7;
	}
	if (!strcmp(what, "spawn") && argc > 2) {
		long id = atol(argv[2]);
		int status;
		return rb_task_wait(id, &status, RB_TASK_NOHANG) == -ECHILD &&
		       rb_task_kill(id, 0) == -EPERM ? 0 : 1;
	}
	if ((!strcmp(what, "map") || !strcmp(what, "hold")) && argc > 2) {
		size_t len = (size_t)atol(argv[2]) << 20;
		long p = rb_mem_map(NULL, len, RB_PROT_READ | RB_PROT_WRITE);
		if (p < 0)
			return p == -EAGAIN ? 2 : 3;
		for (size_t off = 0; off < len; off += RB_PAGE_SIZE)
			((volatile char *)p)[off] = 1;
		while (!strcmp(what, "hold"))
			rb_sleep_ns(1000000000ull);
		return 0;
	}
	if (!strcmp(what, "lookup") && argc > 2)
		return rb_ns_lookup(argv[2]) > 0 ? 0 : 1;
	return 100;
}
