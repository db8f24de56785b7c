/*
 * What posix_spawn hands a new task besides its program: descriptors and
 * the working directory (spawn_impl.h, docs/files.md "Inheriting
 * descriptors").  The spawner carries out the file actions on a copy of
 * its own table, POSIX's order: the actions, then close-on-exec.  Each
 * server file left becomes a share of the file server (RB_FS_SHARE), and
 * the child's table travels as one environment word,
 *   RAINBOW_FDS=FD:KEY,FD:KEY,...    KEY 16 hex digits, or - for the console
 * with the working directory as RAINBOW_CWD=PATH (when not "/").  The
 * child's libc takes both out of its environment before main
 * (fd_inherit.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rainbow/fs.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "fd.h"
#include "fs_client.h"
#include "spawn_impl.h"

/* One descriptor's entry at most: "63:" 16 digits ",". */
#define FDS_ENTRY_MAX 21

/* The child's descriptor table: the spawner's, then the actions. */
struct child_table {
	struct ofile *fds[FD_MAX];
	bool cloexec[FD_MAX];
	struct ofile **opened;		/* what open actions opened, to release: one each at most */
	unsigned nopened;
};

/*
 * Empties descriptor fd of t, as a close in the child would: a file an
 * earlier action opened goes once no descriptor names it (so opens that
 * replace each other never pile up at the server).
 */
static void vacate(struct child_table *t, int fd)
{
	struct ofile *f = t->fds[fd];

	t->fds[fd] = NULL;
	for (int i = 0; f && i < FD_MAX; i++)
		if (t->fds[i] == f)
			return;
	for (unsigned i = 0; f && i < t->nopened; i++) {
		if (t->opened[i] != f)
			continue;
		__rb_fd_release(f);
		t->opened[i] = t->opened[--t->nopened];
		return;
	}
}

static int apply(struct child_table *t, const struct spawn_file_action *act)
{
	long err;

	switch (act->kind) {
	case SPAWN_OPEN: {
		struct ofile *f = __rb_fd_open(act->path, act->oflag, act->mode, &err);
		if (!f)
			return (int)-err;
		vacate(t, act->fd);
		t->opened[t->nopened++] = f;
		t->fds[act->fd] = f;
		t->cloexec[act->fd] = act->oflag & O_CLOEXEC;
		return 0;
	}
	case SPAWN_DUP2:
		if (!t->fds[act->from])
			return EBADF;
		if (act->fd == act->from) {
			t->cloexec[act->fd] = false;
			return 0;
		}
		vacate(t, act->fd);
		t->fds[act->fd] = t->fds[act->from];
		t->cloexec[act->fd] = false;
		return 0;
	case SPAWN_CLOSE:
		vacate(t, act->fd);
		return 0;
	}
	return EINVAL;
}

/* Takes back the shares named in a RAINBOW_FDS word nobody will adopt. */
static void unshare(const char *word)
{
	const char *p = word + sizeof(SPAWN_FDS_WORD) - 1;
	long session = __rb_fs_session();

	while (session > 0 && *p) {
		const char *key = strchr(p, ':');
		if (!key)
			break;
		if (key[1] != '-') {
			rb_utcb()->mr[0] = strtoull(key + 1, NULL, 16);
			if (__rb_fs_call(session, RB_FS_ADOPT, 0, 1) >= 0) {
				long h = (long)rb_utcb()->mr[0];
				__rb_fs_call(h, RB_FS_CLOSE, 0, 0);
				rb_handle_close(h);
			}
		}
		p = strchr(key, ',');
		if (!p)
			break;
		p++;
	}
}

/* The RAINBOW_FDS word for t, sharing each server file: 0 or an error number. */
static int fds_word(const struct child_table *t, char *word)
{
	char *at = word + sprintf(word, "%s", SPAWN_FDS_WORD);

	for (int fd = 0; fd < FD_MAX; fd++) {
		struct ofile *f = t->fds[fd];
		if (!f || t->cloexec[fd] || (fd <= 2 && __rb_fd_is_console(f)))
			continue;		/* 0, 1 and 2 are the console anyway */
		uint64_t key;
		long err = __rb_fd_is_console(f) ? 0 : __rb_fd_share(f, &key);
		if (err < 0) {
			unshare(word);
			return (int)-err;
		}
		if (__rb_fd_is_console(f))
			at += sprintf(at, "%s%d:-", at[-1] == '=' ? "" : ",", fd);
		else
			at += sprintf(at, "%s%d:%016" PRIx64, at[-1] == '=' ? "" : ",", fd, key);
	}
	return 0;
}

/* envp without the words spawning adds, then fds and cwd (either may be NULL). */
static char **child_env(char *const envp[], char *fds, char *cwd)
{
	size_t n = 0;

	while (envp && envp[n])
		n++;
	char **out = malloc((n + 3) * sizeof(*out));
	if (!out)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(envp[i], SPAWN_FDS_WORD, sizeof(SPAWN_FDS_WORD) - 1) &&
		    strncmp(envp[i], SPAWN_CWD_WORD, sizeof(SPAWN_CWD_WORD) - 1))
			out[k++] = envp[i];
	if (fds)
		out[k++] = fds;
	if (cwd)
		out[k++] = cwd;
	out[k] = NULL;
	return out;
}

int spawn_fds_begin(const posix_spawn_file_actions_t *actions, char *const envp[],
		    char ***child_envp)
{
	static const char cwd_word[] = SPAWN_CWD_WORD;
	unsigned count = actions && *actions ? (*actions)->count : 0;
	struct child_table *t = calloc(1, sizeof(*t));
	struct ofile **opened = calloc(count ? count : 1, sizeof(*opened));
	char *fds = malloc(sizeof(SPAWN_FDS_WORD) + FD_MAX * FDS_ENTRY_MAX);
	char *cwd = malloc(sizeof(cwd_word) + RB_FS_PATH_MAX);
	int err = t && opened && fds && cwd ? 0 : ENOMEM;

	if (t)
		t->opened = opened;

	for (int fd = 0; !err && fd < FD_MAX; fd++) {
		t->fds[fd] = __rb_fd_get(fd);
		t->cloexec[fd] = __rb_fd_cloexec(fd);
	}
	for (unsigned i = 0; !err && i < count; i++)
		err = apply(t, &(*actions)->list[i]);
	if (!err)
		err = fds_word(t, fds);
	for (unsigned i = 0; t && i < t->nopened; i++)
		__rb_fd_release(t->opened[i]);	/* the shares hold what the child needs */
	free(opened);
	free(t);
	if (!err) {
		memcpy(cwd, cwd_word, sizeof(cwd_word) - 1);
		if (!getcwd(cwd + sizeof(cwd_word) - 1, RB_FS_PATH_MAX))
			err = errno;
	}
	if (!err) {
		bool has_fds = strlen(fds) > sizeof(SPAWN_FDS_WORD) - 1;
		bool has_cwd = strcmp(cwd + sizeof(cwd_word) - 1, "/");
		*child_envp = child_env(envp, has_fds ? fds : NULL, has_cwd ? cwd : NULL);
		if (!*child_envp) {
			unshare(fds);
			err = ENOMEM;
		} else {
			if (!has_fds)
				free(fds);
			if (!has_cwd)
				free(cwd);
			return 0;
		}
	}
	free(fds);
	free(cwd);
	return err;
}

void spawn_fds_end(char **child_envp, int spawned)
{
	for (char **w = child_envp; *w; w++) {
		bool fds = !strncmp(*w, SPAWN_FDS_WORD, sizeof(SPAWN_FDS_WORD) - 1);
		if (!fds && strncmp(*w, SPAWN_CWD_WORD, sizeof(SPAWN_CWD_WORD) - 1))
			continue;
		if (fds && !spawned)
			unshare(*w);
		free(*w);
	}
	free(child_envp);
}
