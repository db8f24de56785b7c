/*
 * <pthread.h>: POSIX threads, as far as Rainbow has them (docs/runtime.md):
 * threads with attributes for stack size and detach state, once, keys,
 * mutexes (normal, recursive, errorcheck; timed), condition variables
 * (CLOCK_REALTIME or CLOCK_MONOTONIC), rwlocks and cleanup handlers.
 * Blocking blocks in the
 * kernel (rb_futex_wait); an uncontended mutex never enters it.
 * Cancellation, scheduling parameters, process-shared objects, robust and
 * priority-protocol mutexes, barriers and spinlocks do not exist, so they
 * are not declared; _POSIX_THREADS stays undefined (docs/sdk.md).
 * picolibc has no such header; this one is Rainbow's (libc-glue/pthread*.c).
 * Functions return 0 or an errno value, never -1, as POSIX says.
 */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/_pthread_t.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	size_t __stacksize;     /* bytes */
	int __detachstate;
} pthread_attr_t;

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1
/* Smallest stack pthread_attr_setstacksize accepts, in bytes. */
#define PTHREAD_STACK_MIN 16384
/* Keys a task may hold at once; destructor rounds at a thread's exit. */
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_DESTRUCTOR_ITERATIONS 4

typedef struct {
	uint32_t __word;        /* 0 free, 1 taken, 2 taken and waited for */
	int __type;
	pthread_t __owner;
	unsigned __depth;       /* recursive: times locked by the owner */
} pthread_mutex_t;

typedef struct {
	int __type;
} pthread_mutexattr_t;

#define PTHREAD_MUTEX_NORMAL     0
#define PTHREAD_MUTEX_RECURSIVE  1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT    PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_INITIALIZER { 0, PTHREAD_MUTEX_DEFAULT, NULL, 0 }

typedef struct {
	uint32_t __seq;         /* bumped by every signal and broadcast */
	uint32_t __waiters;
	int __monotonic;        /* timed waits on CLOCK_MONOTONIC, else REALTIME */
} pthread_cond_t;

typedef struct {
	clockid_t __clock;
} pthread_condattr_t;

#define PTHREAD_COND_INITIALIZER { 0, 0, 0 }

typedef struct {
	pthread_mutex_t __lock;
	pthread_cond_t __readers_go, __writers_go;
	unsigned __readers;           /* holding it */
	unsigned __writers_waiting;
	int __writer;                 /* a writer holds it */
} pthread_rwlock_t;

typedef struct {
	int __reserved;
} pthread_rwlockattr_t;

#define PTHREAD_RWLOCK_INITIALIZER { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, \
				     PTHREAD_COND_INITIALIZER, 0, 0, 0 }

typedef struct {
	uint32_t __state;       /* 0 not run, 1 running, 2 done */
} pthread_once_t;

#define PTHREAD_ONCE_INIT { 0 }

typedef unsigned pthread_key_t;

/*
 * Threads (pthread.c).  pthread_create: 0; EAGAIN at the task's thread
 * limit (128, docs/limits.md) or without memory for stack and TLS; EINVAL
 * for an attribute object pthread_attr_init did not make valid.  The thread
 * runs start(arg); its return value, or pthread_exit's, is what
 * pthread_join stores in *value.  pthread_join: 0; EINVAL if the thread is
 * detached, ESRCH if already joined, EDEADLK if it is the caller.  Blocks.
 * pthread_detach: 0, or EINVAL if already detached.  Each thread is
 * joined or detached once.
 */
int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg);
int pthread_join(pthread_t thread, void **value);
int pthread_detach(pthread_t thread);
/*
 * The calling thread; in main, the first thread's.  A thread started with
 * rb_thread_start instead of pthread_create gets the first thread's too.
 */
pthread_t pthread_self(void);
/* Nonzero if a and b are the same thread.  Never fails. */
int pthread_equal(pthread_t a, pthread_t b);
/*
 * Runs the thread's outstanding cleanup handlers (last pushed first), then
 * the key destructors, then ends the thread (the task if it was the last).
 */
_Noreturn void pthread_exit(void *value);

/*
 * Cleanup handlers (pthread_cleanup.c).  pthread_cleanup_push(routine, arg)
 * opens a block that the pthread_cleanup_pop(execute) of the same function
 * and nesting level must close, as POSIX requires of the pair: the record
 * of the handler lives in that block, on the caller's stack.  pop removes
 * the handler pushed last and calls routine(arg) if execute is nonzero;
 * pthread_exit calls every handler still pushed, last pushed first.
 * Rainbow has no cancellation, so nothing else runs them.  Leaving the
 * block otherwise (return, goto, longjmp) is undefined, as in POSIX.
 * Neither can fail.
 */
struct __rb_pthread_cleanup {
	void (*__routine)(void *);
	void *__arg;
	struct __rb_pthread_cleanup *__next;    /* pushed before it */
};
void __rb_pthread_cleanup_push(struct __rb_pthread_cleanup *cleanup,
			       void (*routine)(void *), void *arg);
void __rb_pthread_cleanup_pop(struct __rb_pthread_cleanup *cleanup, int execute);
#define pthread_cleanup_push(routine, arg)                                      \
	do {                                                                    \
		struct __rb_pthread_cleanup __rb_cleanup;                       \
		__rb_pthread_cleanup_push(&__rb_cleanup, (routine), (arg));
#define pthread_cleanup_pop(execute)                                            \
		__rb_pthread_cleanup_pop(&__rb_cleanup, (execute));             \
	} while (0)

/*
 * Thread attributes (pthread_attr.c): default stack 64 KiB, joinable.
 * setstacksize: EINVAL below PTHREAD_STACK_MIN; setdetachstate: EINVAL for
 * other than PTHREAD_CREATE_JOINABLE or PTHREAD_CREATE_DETACHED.
 */
int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t stacksize);
int pthread_attr_getstacksize(const pthread_attr_t *restrict attr, size_t *restrict stacksize);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int detachstate);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *detachstate);

/*
 * Once (pthread_once.c): init runs exactly once per control; racing
 * callers block until it has returned.  Returns 0.
 */
int pthread_once(pthread_once_t *control, void (*init)(void));

/*
 * Thread-specific data (pthread_key.c).  key_create: 0, EAGAIN with
 * PTHREAD_KEYS_MAX keys live.  A thread's non-NULL value of a key with a
 * destructor is passed to it at the thread's exit (the value is reset to
 * NULL first), for up to PTHREAD_DESTRUCTOR_ITERATIONS rounds.
 * key_delete and setspecific: 0, or EINVAL for a key not live.
 * getspecific: the calling thread's value, NULL if none or not live.
 */
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

/*
 * Mutexes (pthread_mutex.c).  lock: 0; EDEADLK when an errorcheck mutex's
 * owner locks it again (a normal one deadlocks, as POSIX says); EAGAIN
 * past UINT_MAX recursive locks.  trylock: EBUSY if held by another thread
 * (or by the caller, unless recursive).  timedlock: ETIMEDOUT when
 * CLOCK_REALTIME reaches *abstime, EINVAL for a tv_nsec out of range.
 * unlock: EPERM if the caller does not hold it (checked for every type).
 * destroy: EBUSY while held.  mutexattr_settype: EINVAL for an unknown type.
 */
int pthread_mutex_init(pthread_mutex_t *restrict mutex, const pthread_mutexattr_t *restrict attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_trylock(pthread_mutex_t *mutex);
int pthread_mutex_timedlock(pthread_mutex_t *restrict mutex,
			    const struct timespec *restrict abstime);
int pthread_mutex_unlock(pthread_mutex_t *mutex);
int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict attr, int *restrict type);

/*
 * Condition variables (pthread_cond.c).  wait and timedwait: 0 when
 * signalled (or spuriously: check the predicate in a loop), EPERM if the
 * caller does not hold the mutex; timedwait also ETIMEDOUT when the
 * condition's clock (CLOCK_REALTIME unless condattr_setclock chose
 * CLOCK_MONOTONIC) reaches *abstime, EINVAL for a tv_nsec out of range.
 * The mutex is held again on return either way.  signal wakes one waiter,
 * broadcast all; both return 0.  condattr_setclock: EINVAL for another clock.
 */
int pthread_cond_init(pthread_cond_t *restrict cond, const pthread_condattr_t *restrict attr);
int pthread_cond_destroy(pthread_cond_t *cond);
int pthread_cond_wait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex);
int pthread_cond_timedwait(pthread_cond_t *restrict cond, pthread_mutex_t *restrict mutex,
			   const struct timespec *restrict abstime);
int pthread_cond_signal(pthread_cond_t *cond);
int pthread_cond_broadcast(pthread_cond_t *cond);
int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock);
int pthread_condattr_getclock(const pthread_condattr_t *restrict attr, clockid_t *restrict clock);

/*
 * Read-write locks (pthread_rwlock.c): many readers or one writer; a
 * waiting writer goes before new readers.  tryrdlock and trywrlock: EBUSY
 * when they would block.  unlock: EPERM if the caller holds neither a read
 * lock nor the write lock (known only as "no reader and no writer").
 * destroy: EBUSY while held.
 */
int pthread_rwlock_init(pthread_rwlock_t *restrict rwlock,
			const pthread_rwlockattr_t *restrict attr);
int pthread_rwlock_destroy(pthread_rwlock_t *rwlock);
int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_trywrlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_unlock(pthread_rwlock_t *rwlock);
int pthread_rwlockattr_init(pthread_rwlockattr_t *attr);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr);

#ifdef __cplusplus
}
#endif

#endif
