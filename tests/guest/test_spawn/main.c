/*
 * Processes: rb_task_spawn from memory (a child ELF embedded here,
 * build/tests/guest/spawn_child), rb_task_wait, rb_task_kill, and the
 * POSIX calls over them (waitpid, wait, kill, getpid).  posix_spawn reads
 * a file, which needs the file server: here only its errors for a missing
 * file are checked.
 *
 * argv[1], when given, is a count of spawns in a row (tests/guest/
 * spawn.sh compares the kernel's free memory at the end of a run of 1 and
 * of many); argv[1] "orphans" leaves a sleeping child behind and exits.
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <elf.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "tap.h"
#include "child_image.h"


static const char *const child_env[] = { "K=v", "EMPTY=", NULL };

static long spawn(const char *a1, const char *a2)
{
	const char *argv[] = { "spawn_child", a1, a2, NULL };

	return rb_task_spawn(child_image, (size_t)(child_image_end - child_image), argv, child_env);
}

/* Spawn, wait with waitpid: the raw POSIX status, or -1. */
static int run(const char *a1, const char *a2)
{
	int status;
	long id = spawn(a1, a2);

	if (id <= 0 || waitpid((pid_t)id, &status, 0) != id)
		return -1;
	return status;
}

static void exit_statuses(void)
{
	int s = run("exit", "0");
	check(WIFEXITED(s) && WEXITSTATUS(s) == 0, "exit(0) is WIFEXITED, status 0");
	s = run("exit", "44");
	check(WIFEXITED(s) && WEXITSTATUS(s) == 44, "exit(44) is status 44");
	s = run("exit", "255");
	check(WIFEXITED(s) && WEXITSTATUS(s) == 255, "exit(255) is status 255");
	s = run("exit", "300");
	check(WIFEXITED(s) && WEXITSTATUS(s) == 44, "exit(300) is status 44 (8 bits)");
	s = run("fault", NULL);
	check(WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && !WIFEXITED(s),
	      "a faulting child is WIFSIGNALED, SIGKILL");
}

static void args_and_environment(void)
{
	int s = run("args", "two");
	check(WIFEXITED(s) && WEXITSTATUS(s) == 0, "argv and envp reach the child");
}

static void names_shared(void)
{
	long port = rb_port_create();
	check(port > 0 && rb_ns_register("test_spawn.svc", port) == 0, "a name registered");
	int s = run("lookup", "test_spawn.svc");
	check(WIFEXITED(s) && WEXITSTATUS(s) == 0, "a spawned task finds it in the name registry");
}

static void raw_wait(void)
{
	int status = -1;
	long id = spawn("exit", "9");
	check(id > 0 && id != rb_task_id(), "rb_task_spawn returns a new task's id");
	check(rb_task_wait(id, &status, 0) == id && status == 9, "rb_task_wait: status 9");
	check(rb_task_wait(id, &status, 0) == -ECHILD, "a child is collected once");
	check(rb_task_wait(-1, &status, RB_TASK_NOHANG) == -ECHILD, "no children left: ECHILD");
	check(rb_task_wait(0, &status, 0) == -EINVAL && rb_task_wait(-2, &status, 0) == -EINVAL,
	      "ids 0 and -2: EINVAL");
	check(rb_task_wait(-1, &status, 2) == -EINVAL, "an unknown flag: EINVAL");
	id = spawn("exit", "1");
	check(rb_task_wait(id, (int *)8, 0) == -EFAULT, "a bad status pointer: EFAULT");
	check(rb_task_wait(id, NULL, 0) == id, "the child is still there to collect");
}

static void wait_any_and_nohang(void)
{
	int status;
	long id = spawn("sleep", "50");
	check(waitpid((pid_t)id, &status, WNOHANG) == 0, "WNOHANG on a running child: 0");
	check(wait(&status) == id && WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "wait() collects it: status 7");
	errno = 0;
	check(wait(&status) == -1 && errno == ECHILD, "wait() without children: ECHILD");
	check(waitpid(-5, &status, 0) == -1 && errno == ECHILD, "a process group: ECHILD");
	check(waitpid(-1, &status, 0x40) == -1 && errno == EINVAL, "an unknown option: EINVAL");
}

static void kill_spinning(void)
{
	int status;
	long id = spawn("spin", NULL);
	check(kill((pid_t)id, 0) == 0, "kill(child, 0): it exists");
	check(kill((pid_t)id, SIGKILL) == 0, "kill(child, SIGKILL)");
	check(waitpid((pid_t)id, &status, 0) == id && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGKILL, "the spinning child was killed");
	errno = 0;
	check(kill((pid_t)id, 0) == -1 && errno == ESRCH, "once collected it is gone: ESRCH");
	id = spawn("exit", "3");
	rb_sleep_ns(20000000);
	check(rb_task_kill(id, 0) == 0, "killing an ended, uncollected child: 0");
	check(waitpid((pid_t)id, &status, 0) == id && WIFEXITED(status) && WEXITSTATUS(status) == 3,
	      "it keeps its exit status");
	check(rb_task_kill(id, 4) == -EINVAL, "an unknown kill flag: EINVAL");
}

static void others_refused(void)
{
	int status;
	long me = rb_task_id();
	/* Task 1 is the bundle's first module (the bystander): not ours. */
	check(rb_task_kill(1, 0) == -EPERM && rb_task_kill(1, RB_TASK_PROBE) == -EPERM,
	      "killing a task it did not spawn: EPERM");
	errno = 0;
	check(kill(1, SIGKILL) == -1 && errno == EPERM, "kill(other, SIGKILL): EPERM");
	check(rb_task_wait(1, &status, RB_TASK_NOHANG) == -ECHILD, "waiting for another's task: ECHILD");
	check(rb_task_kill(me, 0) == -EPERM, "killing itself through rb_task_kill: EPERM");
	check(rb_task_kill(100000, 0) == -ESRCH && rb_task_kill(0, 0) == -ESRCH, "no such task: ESRCH");
	check(kill(me, 0) == 0 && kill(getpid(), 0) == 0, "kill(getpid(), 0) is 0");
	errno = 0;
	check(kill(0, SIGKILL) == -1 && errno == ESRCH, "kill of a process group: ESRCH");
	/* A grandchild's view: its sibling is not its child. */
	long sibling = spawn("spin", NULL);
	char id[24];
	snprintf(id, sizeof id, "%ld", sibling);
	int s = run("spawn", id);
	check(WIFEXITED(s) && WEXITSTATUS(s) == 0, "a child cannot wait for or kill its sibling");
	kill((pid_t)sibling, SIGKILL);
	waitpid((pid_t)sibling, &status, 0);
}

static void children_limit(void)
{
	long ids[33];
	int status, n = 0, spawned = 1;

	/* Sleepers, not spinners: 32 spinning tasks would leave the bystander
	 * a 33rd of the CPU, by design (round robin per thread). */
	for (; n < 33 && spawned; n++)
		spawned = (ids[n] = spawn("sleep", "60000")) > 0;
	check(n == 33 && ids[32] == -EAGAIN, "32 children at once; the 33rd is EAGAIN");
	for (int i = 0; i < 32 && i < n; i++)
		if (ids[i] > 0)
			kill((pid_t)ids[i], SIGKILL);
	for (int i = 0; i < 32 && i < n; i++)
		if (ids[i] > 0)
			waitpid((pid_t)ids[i], &status, 0);
	check(run("exit", "0") == 0, "once they are collected, spawns work again");
}

static void malformed_refused(void)
{
	size_t size = (size_t)(child_image_end - child_image);
	const char *argv[] = { "bad", NULL };
	char *bad = malloc(size);
	if (!check(bad != NULL, "memory for a copy of the image"))
		return;
	memcpy(bad, child_image, size);
	bad[0] = 0x7e;
	check(rb_task_spawn(bad, size, argv, NULL) == -ENOEXEC, "bad ELF magic: ENOEXEC");
	bad[0] = 0x7f;
	check(rb_task_spawn(bad, 16, argv, NULL) == -ENOEXEC, "a truncated image: ENOEXEC");
	Elf64_Ehdr *eh = (Elf64_Ehdr *)bad;
	uint64_t phoff = eh->e_phoff;
	eh->e_phoff = size - 8;
	check(rb_task_spawn(bad, size, argv, NULL) == -ENOEXEC, "program headers past the end: ENOEXEC");
	eh->e_phoff = phoff;
	Elf64_Phdr *ph = (Elf64_Phdr *)(bad + phoff);
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			ph[i].p_flags |= PF_W | PF_X;
	check(rb_task_spawn(bad, size, argv, NULL) == -ENOEXEC, "a writable and executable segment: ENOEXEC");
	check(rb_task_spawn(NULL, size, argv, NULL) == -EFAULT, "a null image: EFAULT");
	check(rb_task_spawn(child_image, size, NULL, NULL) == -EINVAL, "no argv: EINVAL");
	const char *empty[] = { NULL };
	check(rb_task_spawn(child_image, size, empty, NULL) == -EINVAL, "an empty argv: EINVAL");
	const char *const *volatile unmapped = (const char *const *)8;
	check(rb_task_spawn(child_image, size, unmapped, NULL) == -EFAULT,
	      "a bad argv pointer: EFAULT");
	static char big[5000];
	memset(big, 'x', sizeof big - 1);
	const char *toolong[] = { "spawn_child", big, NULL };
	check(rb_task_spawn(child_image, size, toolong, NULL) == -E2BIG, "strings over a page: E2BIG");
	free(bad);
	int status;
	check(run("exit", "0") == 0 && rb_task_wait(-1, &status, RB_TASK_NOHANG) == -ECHILD,
	      "after the refusals a spawn works and nothing is left over");
}

static void posix_spawn_errors(void)
{
	pid_t pid = 0;
	char *argv[] = { "nothing", NULL };
	posix_spawnattr_t attr;
	posix_spawn_file_actions_t actions;

	check(posix_spawn(&pid, "/bin/nothing", NULL, NULL, argv, NULL) == ENOENT,
	      "posix_spawn of a missing file: ENOENT");
	check(posix_spawnp(&pid, "nothing", NULL, NULL, argv, NULL) == ENOENT,
	      "posix_spawnp through PATH, missing: ENOENT");
	check(posix_spawnattr_init(&attr) == 0 && posix_spawnattr_setflags(&attr, 0x4000) == EINVAL,
	      "posix_spawnattr_setflags: an unknown flag is EINVAL");
	short flags = -1;
	check(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP) == 0 &&
	      posix_spawnattr_getflags(&attr, &flags) == 0 && flags == POSIX_SPAWN_SETPGROUP,
	      "posix_spawnattr flags round-trip");
	check(posix_spawn(&pid, "/bin/nothing", NULL, &attr, argv, NULL) == ENOTSUP,
	      "a process group flag: ENOTSUP");
	posix_spawnattr_destroy(&attr);
	check(posix_spawn_file_actions_init(&actions) == 0 &&
	      posix_spawn_file_actions_addclose(&actions, -1) == EBADF &&
	      posix_spawn_file_actions_adddup2(&actions, 1, 2) == 0,
	      "file actions: a negative fd is EBADF");
	check(posix_spawn(&pid, "/bin/nothing", &actions, NULL, argv, NULL) == ENOTSUP,
	      "file actions are not carried out yet: ENOTSUP");
	posix_spawn_file_actions_destroy(&actions);
}

static const struct tap_test tests[] = {
	{ exit_statuses, "exit statuses" },
	{ args_and_environment, "arguments" },
	{ names_shared, "names" },
	{ raw_wait, "rb_task_wait" },
	{ wait_any_and_nohang, "wait and WNOHANG" },
	{ kill_spinning, "kill" },
	{ others_refused, "others' tasks" },
	{ children_limit, "children limit" },
	{ malformed_refused, "malformed images" },
	{ posix_spawn_errors, "posix_spawn errors" },
};

/* n spawns in a row, each collected: all exit 0. */
static int in_a_row(long n)
{
	long ok = 0;

	for (long i = 0; i < n; i++)
		ok += run("exit", "0") == 0;
	printf("test_spawn: %ld of %ld spawns in a row exited 0\n", ok, n);
	return ok == n ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "orphans")) {
		long id = spawn("sleep", "200");
		printf("test_spawn: leaves child %ld running\n", id);
		return id > 0 ? 0 : 1;
	}
	if (argc > 1)
		return in_a_row(atol(argv[1]));
	return TAP_RUN(tests);
}
