/*
 * The child test_spawn starts from memory (rb_task_spawn), one behaviour
 * per argv[1]:
 *   exit N      exit(N)
 *   fault       write through a null pointer (killed by the kernel)
 *   spin        spin without end (until killed)
 *   spinners N  N threads and the main one spin without end (until killed)
 *   args        exit 0 if argv is "spawn_child args two" and envp is
 *               "K=v" "EMPTY=", else 1
 *   sleep MS    sleep MS milliseconds, print a line, exit 7
 *   spawn ID    try to wait for and kill task ID, not its child: exit 0
 *               if both are refused as they should be, else 1
 *   lookup NAME exit 0 if the name registry has NAME, else 1
 *   write FD TEXT   write TEXT to descriptor FD: exit 0 if all went
 *   read FD TEXT    exit 0 if descriptor FD reads TEXT, then its end
 *   closed FD       exit 0 if descriptor FD is not open (EBADF)
 *   tty FD          exit 0 if descriptor FD is the console (isatty)
 *   cwd PATH        exit 0 if the working directory is PATH and the
 *                   environment holds no RAINBOW_FDS, RAINBOW_CWD,
 *                   RAINBOW_MEM_LIMIT or RAINBOW_SERVICE word
 *   handoff PATH TEXT   open PATH, spawn /bin/spawn_child late with it,
 *                   close its own descriptor, then wait: late's status
 *                   (a task's end would end its children: docs/kernel.md)
 *   late FD TEXT    sleep 200 ms (its spawner has closed the file by
 *                   then), then write TEXT
 *   hold NAME   call the port NAME names and wait for the answer: exit 0
 *               once answered, else 1 (test_spawn "many", spawn_tree)
 *   map MIB     map and touch MIB MiB: exit 0, or 2 when refused with
 *               -EAGAIN, 3 for another error
 *   keep MIB    the same, then sleep without end (until killed)
 * (test_spawn_file, from files, checks write to late: descriptors and the
 * working directory a spawner hands down.)
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
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

extern char **environ;

/* The checks on descriptors and the working directory, or -1 for none of them. */
static int inherited(int argc, char **argv)
{
	const char *what = argv[1];
	int fd = argc > 2 ? atoi(argv[2]) : -1;
	char buf[256];
	struct stat st;

	if (!strcmp(what, "write") && argc > 3)
		return write(fd, argv[3], strlen(argv[3])) == (ssize_t)strlen(argv[3]) ? 0 : 1;
	if (!strcmp(what, "read") && argc > 3) {
		ssize_t n = read(fd, buf, sizeof(buf) - 1);
		if (n < 0)
			return 1;
		buf[n] = 0;
		return !strcmp(buf, argv[3]) && read(fd, buf, 1) == 0 ? 0 : 1;
	}
	if (!strcmp(what, "tty") && argc > 2)
		return isatty(fd) ? 0 : 1;
	if (!strcmp(what, "closed") && argc > 2)
		return fstat(fd, &st) < 0 && errno == EBADF ? 0 : 1;
	if (!strcmp(what, "handoff") && argc > 3) {
		int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		char name[8];
		snprintf(name, sizeof name, "%d", out);
		char *late[] = { "spawn_child", "late", name, argv[3], NULL };
		pid_t pid;
		int status;
		if (out < 0 || posix_spawn(&pid, "/bin/spawn_child", NULL, NULL, late, NULL))
			return 1;
		close(out);	/* the grandchild's share outlives its spawner's descriptor */
		return waitpid(pid, &status, 0) == pid && WIFEXITED(status) ? WEXITSTATUS(status) : 1;
	}
	if (!strcmp(what, "late") && argc > 3) {
		rb_sleep_ns(200000000);
		return write(fd, argv[3], strlen(argv[3])) == (ssize_t)strlen(argv[3]) ? 0 : 1;
	}
	if (!strcmp(what, "cwd") && argc > 2) {
		for (char **e = environ; *e; e++)
			if (!strncmp(*e, "RAINBOW_", 8))
				return 1;
		return getcwd(buf, sizeof(buf)) && !strcmp(buf, argv[2]) ? 0 : 1;
	}
	return -1;
}

static void *spin_thread(void *arg)
{
	for (;;)
		;
	return arg;
}

int main(int argc, char **argv, char **envp)
{
	const char *what = argc > 1 ? argv[1] : "";
	int r = argc > 1 ? inherited(argc, argv) : -1;

	if (r >= 0)
		return r;

	if (!strcmp(what, "exit") && argc > 2)
		exit(atoi(argv[2]));
	if (!strcmp(what, "fault"))
		*(volatile int *)0 = 1;
	if (!strcmp(what, "spinners") && argc > 2)
		for (int i = atoi(argv[2]); i > 0; i--) {
			pthread_t t;
			if (pthread_create(&t, NULL, spin_thread, NULL))
				return 1;
		}
	if (!strcmp(what, "spin") || !strcmp(what, "spinners"))
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
	if ((!strcmp(what, "map") || !strcmp(what, "keep")) && argc > 2) {
		size_t len = (size_t)atol(argv[2]) << 20;
		long p = rb_mem_map(NULL, len, RB_PROT_READ | RB_PROT_WRITE);
		if (p < 0)
			return p == -EAGAIN ? 2 : 3;
		for (size_t off = 0; off < len; off += RB_PAGE_SIZE)
			((volatile char *)p)[off] = 1;
		while (!strcmp(what, "keep"))
			rb_sleep_ns(1000000000ull);
		return 0;
	}
	if (!strcmp(what, "lookup") && argc > 2)
		return rb_ns_lookup(argv[2]) > 0 ? 0 : 1;
	if (!strcmp(what, "hold") && argc > 2) {
		long port = rb_ns_lookup(argv[2]);
		return port > 0 && ipc_call(port, RB_TAG(1, 0), 0) >= 0 ? 0 : 1;
	}
	return 100;
}
