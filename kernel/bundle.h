#ifndef BUNDLE_H
#define BUNDLE_H

/*
 * The bundle: the modules GRUB loaded, run together as tasks.  It
 * succeeds when every module became a task and every task exited 0 (tasks
 * spawned at run time answer to their spawner instead); it
 * fails on a refused module, a killed task, a non-zero status, or a
 * deadlock.  The verdict ends the run (machine_exit).
 */
#include <stdbool.h>

/* A module was refused (loader.c, main.c): the bundle cannot succeed. */
void bundle_note_refused(void);

/*
 * The idle thread's one question, asked whenever it runs: can_progress
 * says whether any thread is ready or sleeping (a timer can wake it); a
 * thread waiting for console input counts too (an interrupt can wake it).
 * With no task left, print the verdict and leave QEMU; with tasks left
 * but no way forward, every remaining thread is blocked forever: kill
 * their tasks as deadlocked, then give the verdict.  Returns only while
 * the bundle can still go on.
 */
void bundle_check(bool can_progress);

#endif
