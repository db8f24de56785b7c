/*
 * File-backed mmap (mman.c hands it every mapping without MAP_ANONYMOUS):
 * a private copy of a regular file of the file server.  The pages are
 * anonymous memory (rb_mem_map) that the file's bytes are read into; past
 * the file's end they are zero.  Later writes to the file do not show in
 * the copy, nor writes to the copy in the file, as MAP_PRIVATE allows.
 * Errors (POSIX): EBADF (no open file), EACCES (not opened for reading),
 * ENODEV (not a regular file), ENOTSUP (MAP_SHARED, or PROT_EXEC: the
 * copy has to be written while mapped), ENOMEM.
 * Limit: without an mprotect the copy stays writable after it is made,
 * whatever prot says (docs/files.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "fd.h"
#include "glue.h"
#include "mmap_file.h"

void *__rb_mmap_file(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct ofile *f = __rb_fd_get(fd);
	int err = 0;

	if (!f || __rb_is_console_fd(fd))
		err = f ? ENODEV : EBADF;
	else if ((f->flags & O_ACCMODE) == O_WRONLY)
		err = EACCES;
	else if (!S_ISREG(f->mode))
		err = ENODEV;
	else if ((flags & MAP_SHARED) || (prot & PROT_EXEC))
		err = ENOTSUP;
	if (err) {
		errno = err;
		return MAP_FAILED;
	}
	long r = rb_mem_map(addr, len, PROT_READ | PROT_WRITE);
	if (r < 0 || ((flags & MAP_FIXED) && (void *)r != addr)) {
		if (r >= 0)
			rb_mem_unmap((void *)r, len);
		errno = r < 0 ? ENOMEM : ENOTSUP;
		return MAP_FAILED;
	}
	if (pread(fd, (void *)r, len, off) < 0) {
		err = errno;
		rb_mem_unmap((void *)r, len);
		errno = err;
		return MAP_FAILED;
	}
	return (void *)r;
}
