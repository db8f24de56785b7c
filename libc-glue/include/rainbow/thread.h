/*
 * Threads for Rainbow apps, from librainbow.a.
 *
 * Each thread gets its own stack (with a guard page below it) and its own
 * TLS block, so __thread variables, errno and stdout's line buffer are per
 * thread.  picolibc's malloc and other shared state are locked.
 */
#ifndef RAINBOW_THREAD_H
#define RAINBOW_THREAD_H

#include <stddef.h>

/* Stack of every thread rb_thread_start() makes. */
#define RB_THREAD_STACK_SIZE (64 * 1024)

struct rb_thread;

/*
 * Runs fn(arg) in a new thread of the calling task; fn's return value is
 * the thread's exit status.  Returns a handle for rb_thread_wait(), or NULL
 * with errno set: EAGAIN at the task's thread limit (docs/limits.md),
 * ENOMEM when there is no memory for stack or thread.
 */
struct rb_thread *rb_thread_start(int (*fn)(void *), void *arg);

/*
 * Waits until thread has ended, stores its exit status in *status unless
 * status is NULL, and frees its stack and TLS.  Wait for each thread
 * exactly once.  Returns 0, or -1 with errno set.
 */
int rb_thread_wait(struct rb_thread *thread, int *status);

#endif
