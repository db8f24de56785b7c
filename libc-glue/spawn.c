/*
 * posix_spawn and posix_spawnp: the program's ELF file is read whole
 * through open, fstat and read into memory, and the kernel starts it from
 * there (rb_task_spawn, the checks of a boot module).  fork and exec do
 * not exist: a task cannot copy or replace itself (docs/runtime.md).
 * Both return 0 with *pid the new task's id, or an error number (POSIX:
 * not errno): open's, read's and fstat's errors; ENOEXEC for a file the
 * kernel refuses; ENOMEM; E2BIG for arguments over the kernel's limits;
 * EAGAIN at the children limit or a memory limit; a file action's error (spawn_fds.c:
 * open's, EBADF for a dup2 from a closed descriptor, the file server's
 * EMFILE or ENFILE for too many shares); ENOTSUP for attribute flags
 * other than POSIX_SPAWN_SETSIGDEF and POSIX_SPAWN_SETSIGMASK with an
 * empty mask (a new task starts with every signal at its default and none
 * blocked).  The child gets the spawner's descriptors that are not
 * close-on-exec, changed by the file actions, and its working directory
 * (spawn_fds.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "spawn_impl.h"

extern char **environ;

#define SPAWN_DEFAULT_PATH "/bin"	/* posix_spawnp without PATH */

/* What a new task can honour of the attributes: 0 or ENOTSUP. */
static int check_attr(const posix_spawnattr_t *attrp)
{
	if (!attrp)
		return 0;
	const struct __posix_spawnattr *a = *attrp;
	sigset_t empty;
	sigemptyset(&empty);
	if (a->flags & ~(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
		return ENOTSUP;
	if ((a->flags & POSIX_SPAWN_SETSIGMASK) && memcmp(&a->sigmask, &empty, sizeof(empty)))
		return ENOTSUP;
	return 0;
}

/* The whole file at path into *image (malloc'd) and *size; 0 or an error number. */
static int read_file(const char *path, void **image, size_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return errno;
	int error = 0;
	char *buf = NULL;
	if (fstat(fd, &st) < 0)
		error = errno;
	else if (!S_ISREG(st.st_mode))
		error = EACCES;		/* POSIX: not a regular file */
	else if (!(buf = malloc(st.st_size ? (size_t)st.st_size : 1)))
		error = ENOMEM;
	size_t done = 0;
	while (!error && done < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + done, (size_t)st.st_size - done);
		if (n < 0)
			error = errno;
		else if (n == 0)
			break;		/* shorter than fstat said: what was read */
		done += (size_t)n;
	}
	close(fd);
	if (error) {
		free(buf);
		return error;
	}
	*image = buf;
	*size = done;
	return 0;
}

int posix_spawn(pid_t *restrict pid, const char *restrict path,
		const posix_spawn_file_actions_t *file_actions,
		const posix_spawnattr_t *restrict attrp,
		char *const argv[restrict], char *const envp[restrict])
{
	void *image = NULL;
	size_t size = 0;
	char **child_envp = NULL;
	int error = check_attr(attrp);

	if (!error)
		error = read_file(path, &image, &size);
	if (!error)
		error = spawn_fds_begin(file_actions, envp ? envp : environ, &child_envp);
	if (error) {
		free(image);
		return error;
	}
	long id = rb_task_spawn(image, size, (const char *const *)argv,
				(const char *const *)child_envp);
	spawn_fds_end(child_envp, id >= 0);
	free(image);
	if (id < 0)
		return (int)-id;
	if (pid)
		*pid = (pid_t)id;
	return 0;
}

int posix_spawnp(pid_t *restrict pid, const char *restrict file,
		 const posix_spawn_file_actions_t *file_actions,
		 const posix_spawnattr_t *restrict attrp,
		 char *const argv[restrict], char *const envp[restrict])
{
	if (strchr(file, '/'))
		return posix_spawn(pid, file, file_actions, attrp, argv, envp);
	const char *path = getenv("PATH");
	if (!path)
		path = SPAWN_DEFAULT_PATH;
	size_t flen = strlen(file);
	int error = ENOENT;
	for (const char *dir = path;; dir++) {
		const char *end = strchr(dir, ':');
		if (!end)
			end = dir + strlen(dir);
		size_t dlen = (size_t)(end - dir);
		char *full = malloc(dlen + 1 + flen + 1);
		if (!full)
			return ENOMEM;
		/* An empty PATH entry is the current directory (POSIX). */
		memcpy(full, dlen ? dir : ".", dlen ? dlen : 1);
		size_t at = dlen ? dlen : 1;
		full[at] = '/';
		memcpy(full + at + 1, file, flen + 1);
		error = posix_spawn(pid, full, file_actions, attrp, argv, envp);
		free(full);
		/* Not there: the next directory; anything else is the answer. */
		if (error != ENOENT && error != ENOTDIR && error != EACCES)
			return error;
		if (!*end)
			return error;
		dir = end;
	}
}
