/*
 * <pwd.h> (POSIX): the user database of a one-user system, whose one user
 * is root (uid 0, home "/", shell "/bin/sh"); libc-glue/user.c,
 * docs/runtime.md.  Rainbow's own header.
 */
#ifndef _PWD_H
#define _PWD_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct passwd {
	char *pw_name;		/* user name */
	char *pw_passwd;	/* no password: "" */
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;		/* full name */
	char *pw_dir;		/* home directory */
	char *pw_shell;		/* login shell */
};

struct passwd *getpwuid(uid_t uid);
struct passwd *getpwnam(const char *name);
int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t size, struct passwd **result);
int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t size, struct passwd **result);
struct passwd *getpwent(void);
void setpwent(void);
void endpwent(void);

#ifdef __cplusplus
}
#endif

#endif
