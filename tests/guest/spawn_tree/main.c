/*
 * A middle level of a tree of tasks (tests/guest/test_spawn "many"):
 * spawn_tree N NAME spawns N children (tests/guest/spawn_child, embedded,
 * "hold NAME": each calls the port NAME names and waits for the answer),
 * then collects them all.  Exits 0 when all N were spawned and exited 0,
 * else 1.
 */
#include <stdlib.h>
#include <rainbow/syscall.h>

#include "embed.h"

/* The child program, embedded at build time (mk/tests.mk). */
EMBED_IMAGE(child_image, SPAWN_CHILD);

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[1]) : 0, spawned = 0, ok = 0;
	const char *child_argv[] = { "spawn_child", "hold", argc > 2 ? argv[2] : "", NULL };
	int status;

	for (long i = 0; i < n; i++)
		spawned += rb_task_spawn(child_image, (size_t)(child_image_end - child_image),
					 child_argv, NULL) > 0;
	for (long i = 0; i < spawned; i++)
		ok += rb_task_wait(-1, &status, 0) > 0 && status == 0;
	return n > 0 && spawned == n && ok == n ? 0 : 1;
}
