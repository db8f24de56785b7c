/*
 * posix_spawn and posix_spawnp from files: NEEDS THE FILE SERVER (issue 13)
 * and its bundle lines, so no script boots it yet.  Once they exist, its
 * bundle is the file server, then
 *     file ../../build/tests/guest/spawn_child /bin/spawn_child
 *     file tests/guest/console_read.input /bin/notelf
 *     PATH=/nothing:/bin ../../build/tests/guest/test_spawn_file
 * and its script expects its TAP (expect_tap test_spawn_file).
 */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static int run(int (*spawn)(pid_t *, const char *, const posix_spawn_file_actions_t *,
			    const posix_spawnattr_t *, char *const[], char *const[]),
	       const char *path, char *const argv[], int *error)
{
	pid_t pid;
	int status;

	*error = spawn(&pid, path, NULL, NULL, argv, NULL);
	if (*error)
		return -1;
	return waitpid(pid, &status, 0) == pid ? status : -1;
}

static void from_files(void)
{
	char *exit44[] = { "spawn_child", "exit", "44", NULL };
	char *fault[] = { "spawn_child", "fault", NULL };
	int error;

	int s = run(posix_spawn, "/bin/spawn_child", exit44, &error);
	check(WIFEXITED(s) && WEXITSTATUS(s) == 44, "posix_spawn of /bin/spawn_child: status 44");
	s = run(posix_spawnp, "spawn_child", exit44, &error);
	check(WIFEXITED(s) && WEXITSTATUS(s) == 44, "posix_spawnp finds it through PATH");
	s = run(posix_spawn, "/bin/spawn_child", fault, &error);
	check(WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL, "a faulting child from a file: SIGKILL");
	run(posix_spawn, "/bin/notelf", exit44, &error);
	check(error == ENOEXEC, "a file that is not an ELF program: ENOEXEC");
	run(posix_spawn, "/bin", exit44, &error);
	check(error == EACCES, "a directory: EACCES");
	run(posix_spawnp, "nothing-here", exit44, &error);
	check(error == ENOENT, "posix_spawnp of a missing program: ENOENT");
}

static const struct tap_test tests[] = {
	{ from_files, "posix_spawn from files" },
};

int main(void)
{
	return TAP_RUN(tests);
}
