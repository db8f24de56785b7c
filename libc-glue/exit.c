/*
 * _exit(): the end of the task, whichever thread calls it.  exit() is
 * picolibc's: it runs atexit functions and destructors, then comes here.
 */
#include <unistd.h>

#include <rainbow/syscall.h>

void _exit(int status)
{
	rb_exit(status);
}
