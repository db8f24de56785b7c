/*
 * ioctl (<sys/ioctl.h>, Linux's form; POSIX's is of STREAMS): no
 * descriptor takes a control request, neither the console (its line
 * discipline is the kernel's, set on its command line) nor a file of the
 * server (files take none anywhere).
 */
#include <errno.h>
#include <sys/ioctl.h>

#include "fd.h"

/*
 * Returns -1 with errno ENOTTY (the request does not apply to the
 * descriptor: none does), or EBADF for a descriptor not open.
 */
int ioctl(int fd, unsigned long request, ...)
{
	(void)request;
	errno = __rb_fd_get(fd) ? ENOTTY : EBADF;
	return -1;
}
