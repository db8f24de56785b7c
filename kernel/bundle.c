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
#include "smp.h"
#include "arch/layout.h"

static unsigned refused;

void bundle_note_refused(void)
{
	refused++;
}

/* Ends every task left with status (killed or not), one at a time (task_end takes it off the alive ones): "task NAME why". */
static void end_all(const char *why, int status, bool killed)
{
	for (struct task *t; (t = task_any_alive());) {
		klog("task %s %s", t->name, why);
		task_end(t, status, killed);
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
	smp_report();
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
		end_all("killed: deadlock, every thread left is blocked forever", -1, true);
	if (task_only_services_alive())
		end_all("ended: a service with no other task left", 0, false);
	if (!task_any_alive())
		finish();
}
