/*
 * A spawned task's descriptors and working directory, from the words its
 * spawner added to its environment (spawn_fds.c): each RAINBOW_FDS entry
 * FD:KEY is adopted from the file server as descriptor FD (RB_FS_ADOPT),
 * FD:- is the console; RAINBOW_CWD is the working directory.  Both words
 * leave environ before main, so the program sees the environment it was
 * given.  So do the kernel's words, RAINBOW_MEM_LIMIT and RAINBOW_SERVICE
 * (kernel/loader.c): they set up this task when it was loaded, and a child
 * spawned with environ must not take them for its own (a limit as large
 * as the spawner's would be refused every spawn).  An entry that cannot be adopted leaves its descriptor closed
 * (0, 1 and 2: the console), as a malformed word is ignored: the task
 * starts all the same.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/types.h>

#include "cwd.h"
#include "fd.h"
#include "spawn_impl.h"

extern char **environ;

static void take_fds(const char *p)
{
	while (*p) {
		char *end;
		unsigned long fd = strtoul(p, &end, 10);
		if (end == p || *end != ':' || fd >= FD_MAX)
			return;
		p = end + 1;
		if (*p == '-') {
			__rb_fd_put_console((int)fd);
			p++;
		} else {
			uint64_t key = strtoull(p, &end, 16);
			if (end == p)
				return;
			__rb_fd_adopt(key, (int)fd);
			p = end;
		}
		if (*p != ',')
			return;
		p++;
	}
}

/* The kernel's words, read when the task was loaded (kernel/loader.c). */
static const char *const kernel_words[] = { RB_ENV_MEM_LIMIT, RB_ENV_SERVICE };

static bool is_kernel_word(const char *w)
{
	for (size_t i = 0; i < sizeof kernel_words / sizeof kernel_words[0]; i++)
		if (!strncmp(w, kernel_words[i], strlen(kernel_words[i])))
			return true;
	return false;
}

/* Removes environ's word i. */
static void drop(size_t i)
{
	for (; environ[i]; i++)
		environ[i] = environ[i + 1];
}

void __rb_fd_inherit(void)
{
	for (size_t i = 0; environ && environ[i];) {
		const char *w = environ[i];
		if (!strncmp(w, SPAWN_FDS_WORD, sizeof(SPAWN_FDS_WORD) - 1))
			take_fds(w + sizeof(SPAWN_FDS_WORD) - 1);
		else if (!strncmp(w, SPAWN_CWD_WORD, sizeof(SPAWN_CWD_WORD) - 1))
			__rb_cwd_set(w + sizeof(SPAWN_CWD_WORD) - 1);
		else if (!is_kernel_word(w)) {
			i++;
			continue;
		}
		drop(i);
	}
}
