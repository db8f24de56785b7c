/*
 * <utime.h>: setting a file's access and modification times (POSIX),
 * through the file server (libc-glue/files.c, docs/files.md).  picolibc's
 * own is removed with the absent headers (mk/picolibc); this one is
 * Rainbow's.
 */
#ifndef _UTIME_H
#define _UTIME_H

#include <sys/types.h>

struct utimbuf {
	time_t actime;		/* access time, seconds since 1970 */
	time_t modtime;		/* modification time */
};

int utime(const char *path, const struct utimbuf *times);

#endif
