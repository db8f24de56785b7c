/*
 * A family's memory is bounded by its boot task's limit (docs/limits.md):
 * run with RAINBOW_MEM_LIMIT=16M, this task spawns spawn_child (embedded,
 * as in test_spawn) and checks that no child gets more than it has left,
 * that a child's charges count against it while the child lives and come
 * back when it ends, and that many idle children take nothing from the
 * machine (no guarantee of their own).  tests/guest/family_mem.sh runs it
 * beside mem_bystander.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <rainbow/syscall.h>

#include "tap.h"
#include "embed.h"

/* The child program (tests/guest/spawn_child), embedded at build time (mk/tests.mk). */
EMBED_IMAGE(child_image, SPAWN_CHILD);


#define MIB (1ul << 20)
#define CHILDREN 31

static long spawn_env(const char *what, const char *mib, const char *env)
{
	const char *argv[] = { "spawn_child", what, mib, NULL };
	const char *envp[] = { env, NULL };

	return rb_task_spawn(child_image, (size_t)(child_image_end - child_image), argv,
			     env ? envp : NULL);
}

static long spawn(const char *what, const char *mib)
{
	return spawn_env(what, mib, NULL);
}

/* Spawn, wait: the child's status, or -1. */
static int run(const char *what, const char *mib)
{
	int status;
	long id = spawn(what, mib);

	return id > 0 && rb_task_wait(id, &status, 0) == id ? status : -1;
}

static long map_touch(size_t len)
{
	long p = rb_mem_map(NULL, len, RB_PROT_READ | RB_PROT_WRITE);

	for (size_t off = 0; p > 0 && off < len; off += RB_PAGE_SIZE)
		((volatile char *)p)[off] = 1;
	return p;
}

static void no_limit_above_the_spawners(void)
{
	check(spawn_env("exit", "0", "RAINBOW_MEM_LIMIT=230M") == -EAGAIN,
	      "a child asking for 230 MiB from a 16 MiB task: -EAGAIN");
	check(spawn_env("exit", "0", "RAINBOW_MEM_LIMIT=17M") == -EAGAIN,
	      "a child asking for more than its spawner's 16 MiB: -EAGAIN");
	check(run("map", "32") == 2, "a child mapping 32 MiB meets -EAGAIN");
	check(run("map", "4") == 0, "a child mapping 4 MiB gets it");
}

/* What this task has left of its limit, in MiB. */
static unsigned long left_mib(void)
{
	struct rb_mem_usage u;

	return rb_mem_usage(&u) ? 0 : (u.limit - u.charged) / MIB;
}

static void charges_count_against_the_spawner(void)
{
	unsigned long left = left_mib();
	char big[16];
	long mine = map_touch(4 * MIB);

	printf("# the spawner has %lu MiB left\n", left);
	snprintf(big, sizeof(big), "%lu", left - 2);
	check(left >= 12 && mine > 0, "the spawner maps 4 MiB");
	check(run("map", big) == 2, "then a child cannot map all but 2 MiB of what it had left: -EAGAIN");
	check(rb_mem_unmap((void *)mine, 4 * MIB) == 0, "the spawner unmaps its 4 MiB");
	check(run("map", big) == 0, "then the child gets them");

	long id = spawn("keep", "6");
	int status;
	check(id > 0, "a child holds 6 MiB");
	rb_sleep_ns(200000000ull);	/* it maps meanwhile */
	check(rb_mem_map(NULL, (left - 4) * MIB, RB_PROT_READ | RB_PROT_WRITE) == -EAGAIN,
	      "while it lives the spawner cannot map all but 4 MiB of what it had left: -EAGAIN");
	check(rb_task_kill(id, 0) == 0 && rb_task_wait(id, &status, 0) == id,
	      "the holding child is killed and collected");
	mine = map_touch((left - 4) * MIB);
	check(mine > 0 && rb_mem_unmap((void *)mine, (left - 4) * MIB) == 0,
	      "its memory came back: the spawner maps them");
}

/* Idle children are bounded by the family's limit, and take no guarantee of the machine's. */
static void idle_children_fill_only_the_family(void)
{
	long ids[CHILDREN], last = 0;
	unsigned started = 0, collected = 0;
	int status;

	while (started < CHILDREN && (last = spawn("keep", "1")) > 0) {
		ids[started++] = last;
		rb_sleep_ns(50000000ull);	/* it maps and touches its MiB */
	}
	printf("# %u idle children of 1 MiB, then %ld\n", started, last);
	check(started >= 2 && last == -EAGAIN, "idle children until the family's limit: -EAGAIN");
	for (unsigned i = 0; i < started; i++)
		collected += rb_task_kill(ids[i], 0) == 0 && rb_task_wait(ids[i], &status, 0) == ids[i];
	check(collected == started, "all killed and collected");
	check(run("map", "10") == 0, "their memory came back: a child maps 10 MiB");
}

static const struct tap_test tests[] = {
	{ no_limit_above_the_spawners, "no child's limit above what its spawner has" },
	{ charges_count_against_the_spawner, "a child's memory counts against its spawner" },
	{ idle_children_fill_only_the_family, "idle children fill only the family's limit" },
};

int main(void)
{
	return TAP_RUN(tests);
}
