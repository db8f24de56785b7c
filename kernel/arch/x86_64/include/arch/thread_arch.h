#ifndef ARCH_THREAD_ARCH_H
#define ARCH_THREAD_ARCH_H

#include <stdint.h>

struct thread;
struct trap_frame;

/* Load next's CPU state; prev is NULL on the first switch. */
void arch_switch_to(struct thread *prev, struct thread *next);
void context_switch(uint64_t *save_rsp, uint64_t load_rsp);
/* Make t start in kernel mode in fn, which must never return. */
void thread_start_kernel(struct thread *t, void (*fn)(void));

/* Load the running thread's FS base after it changed it. */
void thread_load_tls(const struct thread *t);

#endif
