/*
 * mmap(), munmap() and mprotect() over the vDSO's rb_mem_map, rb_mem_unmap
 * and rb_mem_protect: zeroed anonymous private memory, placed by the
 * kernel in the task's anonymous range, counted against the task's memory
 * limit, each page given its frame on first touch.  mmap's POSIX errors:
 *   EINVAL   len 0, flags neither MAP_PRIVATE nor MAP_SHARED or with
 *            unknown bits, off not page-aligned, addr not page-aligned with
 *            MAP_FIXED, prot with unknown bits
 *   (no MAP_ANONYMOUS: a private copy of a file, mmap_file.c, with its errors)
 *   ENOTSUP  MAP_SHARED, PROT_WRITE with PROT_EXEC (no page is both), or
 *            MAP_FIXED where the kernel could not place the mapping at addr
 *   ENOMEM   len past the task's range or limit, or the machine's memory
 * mprotect's, passed from the kernel (rb_mem_protect):
 *   EINVAL   addr not page-aligned, prot with unknown bits
 *   ENOTSUP  PROT_WRITE with PROT_EXEC (W^X: no page is both)
 *   ENOMEM   a page of the range not mapped, or outside the task's images,
 *            main stack and anonymous range
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include <rainbow/syscall.h>

#include "glue.h"
#include "mmap_file.h"

#define KNOWN_FLAGS (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS)
#define KNOWN_PROT  (PROT_READ | PROT_WRITE | PROT_EXEC)

static void *mmap_fail(int error)
{
	errno = error;
	return MAP_FAILED;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r;

	if (len == 0 || (flags & ~KNOWN_FLAGS) || (prot & ~KNOWN_PROT) ||
	    !(flags & (MAP_SHARED | MAP_PRIVATE)) ||
	    (off & (RB_PAGE_SIZE - 1)) ||
	    ((flags & MAP_FIXED) && ((uintptr_t)addr & (RB_PAGE_SIZE - 1))))
		return mmap_fail(EINVAL);
	if (!(flags & MAP_ANONYMOUS))
		return __rb_mmap_file(addr, len, prot, flags, fd, off);
	if ((flags & MAP_SHARED) || ((prot & PROT_WRITE) && (prot & PROT_EXEC)))
		return mmap_fail(ENOTSUP);
	/* Everything else rb_mem_map refuses was checked above: what is left
	 * is a length past the address space or the limit. */
	r = rb_mem_map(addr, len, prot);
	if (r < 0)
		return mmap_fail(ENOMEM);
	if ((flags & MAP_FIXED) && (void *)r != addr) {
		rb_mem_unmap((void *)r, len);
		return mmap_fail(ENOTSUP);
	}
	return (void *)r;
}

int munmap(void *addr, size_t len)
{
	if (len == 0 || ((uintptr_t)addr & (RB_PAGE_SIZE - 1)))
		return __rb_syscall_ret(-EINVAL);
	return __rb_syscall_ret(rb_mem_unmap(addr, len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return __rb_syscall_ret(rb_mem_protect(addr, len, prot));
}
