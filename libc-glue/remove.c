/*
 * remove (C17 7.21.4.1, POSIX): for a directory it is rmdir, for anything
 * else unlink, with their errors (ENOTEMPTY for a directory that holds
 * something).  picolibc's calls unlink alone, which refuses directories.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int remove(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return rmdir(path);
	return unlink(path);
}
