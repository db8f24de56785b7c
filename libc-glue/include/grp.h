/*
 * <grp.h> (POSIX): the group database of a one-user system, whose one
 * group is root (gid 0, its one member root); libc-glue/user.c,
 * docs/runtime.md.  Rainbow's own header.
 */
#ifndef _GRP_H
#define _GRP_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct group {
	char *gr_name;		/* group name */
	char *gr_passwd;	/* no password: "" */
	gid_t gr_gid;
	char **gr_mem;		/* member names, NULL-terminated */
};

struct group *getgrgid(gid_t gid);
struct group *getgrnam(const char *name);
int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t size, struct group **result);
int getgrnam_r(const char *name, struct group *grp, char *buf, size_t size, struct group **result);
struct group *getgrent(void);
void setgrent(void);
void endgrent(void);

#ifdef __cplusplus
}
#endif

#endif
