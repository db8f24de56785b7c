/*
 * Users and groups of a one-user system (POSIX <unistd.h>, <pwd.h>,
 * <grp.h>): every task runs as the one user, root (uid and gid 0), whose
 * entry is the whole user database and whose group the whole group
 * database.  Nothing checks it: the file server keeps owners but grants
 * every task every right (docs/files.md).
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define ROOT_NAME  "root"
#define ROOT_HOME  "/"
#define ROOT_SHELL "/bin/sh"

/* The real and effective user and group ids: 0, root's.  Never fail. */
uid_t getuid(void) { return 0; }
uid_t geteuid(void) { return 0; }
gid_t getgid(void) { return 0; }
gid_t getegid(void) { return 0; }

/* Copies s into *buf (of *left bytes), advancing both: the copy, or NULL. */
static char *take(char **buf, size_t *left, const char *s)
{
	size_t n = strlen(s) + 1;
	char *out = *buf;

	if (n > *left)
		return NULL;
	memcpy(out, s, n);
	*buf += n;
	*left -= n;
	return out;
}

/* Root's entry, its strings in buf (size bytes): 0 or ERANGE. */
static int fill_root(struct passwd *pwd, char *buf, size_t size)
{
	pwd->pw_uid = 0;
	pwd->pw_gid = 0;
	return (pwd->pw_name = take(&buf, &size, ROOT_NAME)) &&
		(pwd->pw_passwd = take(&buf, &size, "")) &&
		(pwd->pw_gecos = take(&buf, &size, ROOT_NAME)) &&
		(pwd->pw_dir = take(&buf, &size, ROOT_HOME)) &&
		(pwd->pw_shell = take(&buf, &size, ROOT_SHELL)) ? 0 : ERANGE;
}

/* Root's group, member list and strings in buf (size bytes): 0 or ERANGE. */
static int fill_root_group(struct group *grp, char *buf, size_t size)
{
	size_t skip = (alignof(char *) - (uintptr_t)buf % alignof(char *)) % alignof(char *);
	size_t list = skip + 2 * sizeof(char *);

	if (size < list)
		return ERANGE;
	char **mem = (char **)(buf + skip);
	buf += list;
	size -= list;
	grp->gr_gid = 0;
	grp->gr_mem = mem;
	mem[1] = NULL;
	return (grp->gr_name = take(&buf, &size, ROOT_NAME)) &&
		(grp->gr_passwd = take(&buf, &size, "")) &&
		(mem[0] = take(&buf, &size, ROOT_NAME)) ? 0 : ERANGE;
}

/*
 * The _r forms: 0 with *result the entry (in pwd or grp, strings in buf)
 * or NULL when there is none; ERANGE (and *result NULL) when buf's size
 * bytes are too few.
 */
static int passwd_r(int found, struct passwd *pwd, char *buf, size_t size, struct passwd **result)
{
	*result = NULL;
	if (!found)
		return 0;
	int err = fill_root(pwd, buf, size);
	if (!err)
		*result = pwd;
	return err;
}

static int group_r(int found, struct group *grp, char *buf, size_t size, struct group **result)
{
	*result = NULL;
	if (!found)
		return 0;
	int err = fill_root_group(grp, buf, size);
	if (!err)
		*result = grp;
	return err;
}

int getpwuid_r(uid_t uid, struct passwd *pwd, char *buf, size_t size, struct passwd **result)
{
	return passwd_r(uid == 0, pwd, buf, size, result);
}

int getpwnam_r(const char *name, struct passwd *pwd, char *buf, size_t size, struct passwd **result)
{
	return passwd_r(strcmp(name, ROOT_NAME) == 0, pwd, buf, size, result);
}

int getgrgid_r(gid_t gid, struct group *grp, char *buf, size_t size, struct group **result)
{
	return group_r(gid == 0, grp, buf, size, result);
}

int getgrnam_r(const char *name, struct group *grp, char *buf, size_t size, struct group **result)
{
	return group_r(strcmp(name, ROOT_NAME) == 0, grp, buf, size, result);
}

/* The static entries the non-_r forms return (overwritten by each call, as
 * POSIX allows), and where the enumerations stand. */
static struct passwd pw_entry;
static char pw_buf[64];
static struct group gr_entry;
static char gr_buf[64];
static bool pw_done, gr_done;

/* The entry, or NULL with errno unchanged when there is none (POSIX). */
struct passwd *getpwuid(uid_t uid)
{
	struct passwd *r;
	getpwuid_r(uid, &pw_entry, pw_buf, sizeof(pw_buf), &r);
	return r;
}

struct passwd *getpwnam(const char *name)
{
	struct passwd *r;
	getpwnam_r(name, &pw_entry, pw_buf, sizeof(pw_buf), &r);
	return r;
}

struct group *getgrgid(gid_t gid)
{
	struct group *r;
	getgrgid_r(gid, &gr_entry, gr_buf, sizeof(gr_buf), &r);
	return r;
}

struct group *getgrnam(const char *name)
{
	struct group *r;
	getgrnam_r(name, &gr_entry, gr_buf, sizeof(gr_buf), &r);
	return r;
}

/* Enumerations: root's entry, then NULL until set*ent or end*ent rewinds. */
struct passwd *getpwent(void)
{
	if (pw_done)
		return NULL;
	pw_done = true;
	return getpwuid(0);
}

void setpwent(void) { pw_done = false; }
void endpwent(void) { pw_done = false; }

struct group *getgrent(void)
{
	if (gr_done)
		return NULL;
	gr_done = true;
	return getgrgid(0);
}

void setgrent(void) { gr_done = false; }
void endgrent(void) { gr_done = false; }
