/*
 * What the <pthread.h> and <threads.h> files share.  Not installed.
 */
#ifndef RAINBOW_PTHREAD_IMPL_H
#define RAINBOW_PTHREAD_IMPL_H

#include <pthread.h>
#include <stdint.h>

/* Who is to free a thread's stack and control block (pthread.c). */
enum {
	PTHREAD_JOINABLE,       /* its joiner */
	PTHREAD_DETACHED,       /* the next pthread_create, once it has ended */
	PTHREAD_ENDED,          /* ended joinable: its joiner, or pthread_detach */
	PTHREAD_JOINED,         /* a joiner has it */
};

struct __rb_pthread {
	struct rb_thread *thread;       /* NULL for the first thread */
	void *(*start)(void *);
	void *arg;
	void *value;                    /* what start returned, or pthread_exit's */
	uint32_t state;                 /* PTHREAD_* above, changed atomically */
	struct __rb_pthread *next_ended;        /* on the list of ended detached ones */
	struct {                                /* pthread_key.c */
		void *value;
		unsigned generation;            /* the key's when value was set */
	} specific[PTHREAD_KEYS_MAX];
};

/* The running thread's control block (pthread_self). */
extern __thread struct __rb_pthread *__rb_pthread_current;

/* Pops and runs every cleanup handler the calling thread has pushed (pthread_cleanup.c). */
void __rb_pthread_cleanup_run_all(void);

/* Runs the destructors of the calling thread's keys (pthread_key.c). */
void __rb_pthread_key_destroy_all(struct __rb_pthread *self);

#endif
