/*
 * What a project's own configure step found, printed from inside Rainbow
 * as "NAME=0|1" lines, so that tests/guest/sdk.sh can hold each against
 * what Rainbow really has.  config.h is the build system's output: CMake's
 * configure_file or Meson's configuration_data, one HAVE_ macro (0 or 1) a check.
 */
#include <stdio.h>

#include "config.h"

#define SHOW(name) printf("%s: " #name "=%d\n", BUILD_SYSTEM, name)

static inline void show_features(void)
{
	SHOW(HAVE_CLOCK_GETTIME);
	SHOW(HAVE_NANOSLEEP);
	SHOW(HAVE_MALLOC);
	SHOW(HAVE_MMAP);
	SHOW(HAVE_SYSCONF);
	SHOW(HAVE_QUICK_EXIT);
	SHOW(HAVE_FORK);
	SHOW(HAVE_EXECVE);
	SHOW(HAVE_PTHREAD_CREATE);
	SHOW(HAVE_GETENTROPY);
	SHOW(HAVE_GETRANDOM);
	SHOW(HAVE_SIGACTION);
	SHOW(HAVE_DLOPEN);
	SHOW(HAVE_MPROTECT);
	SHOW(HAVE_POSIX_SPAWN);
	SHOW(HAVE_WAITPID);
	SHOW(HAVE_STDIO_H);
	SHOW(HAVE_UNISTD_H);
	SHOW(HAVE_RAINBOW_IPC_H);
	SHOW(HAVE_SYS_MMAN_H);
	SHOW(HAVE_SYS_RANDOM_H);
	SHOW(HAVE_PTHREAD_H);
	SHOW(HAVE_SYS_SOCKET_H);
	SHOW(HAVE_SYS_EPOLL_H);
	SHOW(HAVE_SYS_TIMES_H);
	SHOW(HAVE_DIRENT_H);
	SHOW(HAVE_TERMIOS_H);
	SHOW(HAVE_SPAWN_H);
	SHOW(HAVE_SYS_WAIT_H);
}
