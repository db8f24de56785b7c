/*
 * <dirent.h>: reading directories (POSIX), through the file server
 * (libc-glue/dir.c, docs/files.md).  picolibc's own cannot be used (it
 * wants a system part), so mk/picolibc removes it and this one is
 * Rainbow's.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

#define NAME_MAX_DIRENT 64	/* RB_FS_NAME_MAX: a name with its NUL */

struct dirent {
	ino_t d_ino;
	unsigned char d_type;	/* DT_* */
	char d_name[NAME_MAX_DIRENT];
};

#define DT_UNKNOWN 0
#define DT_CHR     2
#define DT_DIR     4
#define DT_REG     8

typedef struct rb_dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dir);
void rewinddir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);

#endif
