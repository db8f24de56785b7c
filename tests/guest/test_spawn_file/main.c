/*
 * posix_spawn and posix_spawnp from files, their file actions, and what a
 * child inherits: descriptors not close-on-exec, the working directory
 * (tests/guest/spawn_file.bundle, booted by tests/guest/spawn.sh), and
 * not the memory limit of its bundle line (RAINBOW_MEM_LIMIT=48M).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <stdio.h>
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

/* spawn_child with args and actions (NULL: none): its exit status, or -1 with *error. */
static int child(posix_spawn_file_actions_t *actions, char *const argv[], int *error)
{
	pid_t pid;
	int status;

	*error = posix_spawn(&pid, "/bin/spawn_child", actions, NULL, argv, NULL);
	if (*error)
		return -1;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The whole content of path, in a static buffer. */
static const char *content(const char *path)
{
	static char buf[256];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	close(fd);
	buf[n < 0 ? 0 : n] = 0;
	return buf;
}

static void file_actions(void)
{
	posix_spawn_file_actions_t a;
	int error;

	posix_spawn_file_actions_init(&a);
	posix_spawn_file_actions_addopen(&a, 1, "/tmp/out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	check(child(&a, (char *[]){ "spawn_child", "write", "1", "to out", NULL }, &error) == 0,
	      "addopen on 1: the child writes its standard output");
	posix_spawn_file_actions_destroy(&a);
	check(!strcmp(content("/tmp/out"), "to out"), "what it wrote is in the file");

	posix_spawn_file_actions_init(&a);
	posix_spawn_file_actions_addopen(&a, 0, "/tmp/out", O_RDONLY, 0);
	check(child(&a, (char *[]){ "spawn_child", "read", "0", "to out", NULL }, &error) == 0,
	      "addopen on 0: the child reads the file as its standard input");
	posix_spawn_file_actions_destroy(&a);

	posix_spawn_file_actions_init(&a);
	posix_spawn_file_actions_addopen(&a, 0, "/tmp/out", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&a, 2, 5);
	check(child(&a, (char *[]){ "spawn_child", "tty", "5", NULL }, &error) == 0,
	      "dup2 of the console above a file on 0: the console");
	check(child(&a, (char *[]){ "spawn_child", "tty", "0", NULL }, &error) == 1,
	      "and 0 is the file");
	posix_spawn_file_actions_destroy(&a);

	posix_spawn_file_actions_init(&a);
	posix_spawn_file_actions_addopen(&a, 7, "/tmp/out", O_WRONLY | O_APPEND, 0);
	posix_spawn_file_actions_adddup2(&a, 7, 9);
	posix_spawn_file_actions_addclose(&a, 7);
	check(child(&a, (char *[]){ "spawn_child", "write", "9", "+dup2", NULL }, &error) == 0,
	      "adddup2 then addclose: the copy works");
	check(!strcmp(content("/tmp/out"), "to out+dup2"), "O_APPEND kept through the actions");
	check(child(&a, (char *[]){ "spawn_child", "closed", "7", NULL }, &error) == 0,
	      "the descriptor closed by addclose is not open in the child");
	posix_spawn_file_actions_destroy(&a);

	posix_spawn_file_actions_init(&a);
	for (int i = 0; i < 100; i++)
		posix_spawn_file_actions_addopen(&a, 3, "/tmp/out", O_WRONLY | O_TRUNC, 0);
	posix_spawn_file_actions_adddup2(&a, 3, 3);
	int st = child(&a, (char *[]){ "spawn_child", "write", "3", "100 opens", NULL }, &error);
	check(st == 0,
	      "100 opens of one descriptor, each replacing the last (past the 60 files a session may hold)");
	posix_spawn_file_actions_destroy(&a);
	check(!strcmp(content("/tmp/out"), "100 opens"), "the last one is the child's");

	posix_spawn_file_actions_init(&a);
	posix_spawn_file_actions_addopen(&a, 3, "/tmp/none/such", O_RDONLY, 0);
	check(child(&a, (char *[]){ "spawn_child", "exit", "0", NULL }, &error) == -1 && error == ENOENT,
	      "an open action on a missing file: posix_spawn returns ENOENT");
	posix_spawn_file_actions_destroy(&a);

	posix_spawn_file_actions_init(&a);
	posix_spawn_file_actions_adddup2(&a, 40, 3);
	check(child(&a, (char *[]){ "spawn_child", "exit", "0", NULL }, &error) == -1 && error == EBADF,
	      "dup2 from a descriptor not open: EBADF");
	check(posix_spawn_file_actions_addclose(&a, -1) == EBADF &&
	      posix_spawn_file_actions_adddup2(&a, 0, 64) == EBADF &&
	      posix_spawn_file_actions_addopen(&a, 1000, "/x", O_RDONLY, 0) == EBADF,
	      "a descriptor out of range: EBADF when recorded");
	posix_spawn_file_actions_destroy(&a);
}

static void inheritance(void)
{
	int error;
	int fd = open("/tmp/inherit", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int hidden = open("/tmp/hidden", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	char fdname[8], hiddenname[8];

	snprintf(fdname, sizeof fdname, "%d", fd);
	snprintf(hiddenname, sizeof hiddenname, "%d", hidden);
	check(write(fd, "parent,", 7) == 7, "the parent writes first");
	check(child(NULL, (char *[]){ "spawn_child", "write", fdname, "child", NULL }, &error) == 0,
	      "an open descriptor is inherited, with no file action");
	check(!strcmp(content("/tmp/inherit"), "parent,child"), "the child wrote at the parent's offset");
	check(child(NULL, (char *[]){ "spawn_child", "closed", hiddenname, NULL }, &error) == 0,
	      "an O_CLOEXEC descriptor is not inherited");
	close(fd);
	close(hidden);

	check(child(NULL, (char *[]){ "spawn_child", "handoff", "/tmp/late", "after its spawner", NULL },
		    &error) == 0, "a child hands a file to a grandchild, closes its own and waits");
	for (int i = 0; i < 100 && strcmp(content("/tmp/late"), "after its spawner"); i++)
		usleep(20000);
	check(!strcmp(content("/tmp/late"), "after its spawner"),
	      "the grandchild writes the file 200 ms after its spawner closed it");

	check(chdir("/tmp") == 0 &&
	      child(NULL, (char *[]){ "spawn_child", "cwd", "/tmp", NULL }, &error) == 0,
	      "the working directory is inherited, and the words that carried it are gone");
	check(chdir("/") == 0 &&
	      child(NULL, (char *[]){ "spawn_child", "cwd", "/", NULL }, &error) == 0,
	      "back at /: the child starts at /");
}

/* The line's RAINBOW_MEM_LIMIT=48M set this task's limit; its children get theirs from it. */
static void kernel_words(void)
{
	struct rlimit as;
	int error;

	check(getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur == 48ul << 20,
	      "the line's RAINBOW_MEM_LIMIT=48M is this task's limit");
	check(getenv("RAINBOW_MEM_LIMIT") == NULL, "the word is gone from environ: the kernel took it");
	check(getenv("PATH") && !strcmp(getenv("PATH"), "/nothing:/bin"), "the line's other word stays");
	check(child(NULL, (char *[]){ "spawn_child", "cwd", "/", NULL }, &error) == 0,
	      "a child spawned with environ starts, and sees no RAINBOW_ word");
	check(child(NULL, (char *[]){ "spawn_child", "map", "8", NULL }, &error) == 0,
	      "it maps 8 MiB within what its spawner has left");
}

static const struct tap_test tests[] = {
	{ kernel_words, "the spawner's memory limit" },
	{ from_files, "posix_spawn from files" },
	{ file_actions, "file actions" },
	{ inheritance, "inheritance" },
};

int main(void)
{
	return TAP_RUN(tests);
}
