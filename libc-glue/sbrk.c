/*
 * sbrk(), which picolibc's malloc grows its heap with, over rb_mem_map().
 *
 * The heap is mapped on demand, each time asking the kernel for the pages
 * right after the last ones.  Should the kernel put them elsewhere, the heap
 * continues there (malloc copes with a heap in pieces).  When the kernel has
 * no memory left or the task is at its memory limit (the kernel's EAGAIN),
 * sbrk fails with ENOMEM, as POSIX has it, and malloc returns NULL.
 * malloc calls this under its lock, so one thread at a time.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#include "glue.h"


static char *heap_top;     /* what the next sbrk returns */
static char *mapped_end;   /* end of the pages mapped for the heap */

void *sbrk(ptrdiff_t increment)
{
	char *start = heap_top;

	/* malloc never gives memory back this way. */
	if (increment < 0)
		return (void *)__rb_syscall_ret(-EINVAL);
	if ((size_t)increment > (size_t)(mapped_end - heap_top)) {
		size_t len = ((size_t)increment + RB_PAGE_SIZE - 1) & ~(size_t)(RB_PAGE_SIZE - 1);
		long got = rb_mem_map(mapped_end, len, RB_PROT_READ | RB_PROT_WRITE);

		if (got < 0)
			return (void *)__rb_syscall_ret(got == -EAGAIN ? -ENOMEM : got);
		if ((char *)got != mapped_end)
			start = (char *)got;
		mapped_end = (char *)got + len;
	}
	heap_top = start + increment;
	return start;
}
