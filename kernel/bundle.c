/*
 * The bundle's verdict: policy the scheduler's idle thread asks for
 * (bundle_check), kept out of sched.c.
 */
#include "bundle.h"
#include "task.h"
#include "log.h"
#include "machine.h"
#include "console_input.h"
#include "pmm.h"
#include "arch/layout.h"

static unsigned refused;

void bundle_note_refused(void)
{
	refused++;
}

/* At a deadlock, the machine's end: every task left, one at a time (task_end takes it off the alive ones). */
static void kill_deadlocked(void)
{
	for (struct task *t; (t = task_any_alive());) {
		klog("task %s killed: deadlock, every thread left is blocked forever", t->name);
		task_end(t, -1, true);
	}
}

static _Noreturn void finish(void)
{
	unsigned ok = 0, failed = 0;

	/* The one walk over every task record: at shutdown, once. */
	for (const struct task *t = task_next_record(NULL); t; t = task_next_record(t)) {
		if (t->released)	/* refused, or spawned: its spawner judged it */
			continue;
		if (!t->killed && t->exit_status == 0)
			ok++;
		else
			failed++;
	}
	klog("all tasks done: %u exited 0, %u failed, %u modules refused", ok, failed, refused);
	/* Every task's memory is back by now: tests compare runs to find leaks. */
	klog("memory: %lu KiB free at the end", pmm_free_pages() * (PAGE_SIZE / 1024));
	machine_exit(failed == 0 && refused == 0);
}

void bundle_check(bool can_progress)
{
	/* Console input can still come, by interrupt, to a thread waiting for it. */
	can_progress = can_progress || console_input_awaited();
	if (task_any_alive() && !can_progress)
		kill_deadlocked();
	if (!task_any_alive())
		finish();
}
