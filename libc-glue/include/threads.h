/*
 * <threads.h>: the C11 threads API, on the POSIX threads of <pthread.h>
 * (libc-glue/c11_thread.c, c11_sync.c).  Functions return thrd_success or
 * the thrd_* error the standard names.  picolibc has no such header; this
 * one is Rainbow's.
 */
#ifndef _THREADS_H
#define _THREADS_H

#include <pthread.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define thread_local _Thread_local
#define ONCE_FLAG_INIT PTHREAD_ONCE_INIT
#define TSS_DTOR_ITERATIONS PTHREAD_DESTRUCTOR_ITERATIONS

typedef pthread_t thrd_t;
typedef pthread_mutex_t mtx_t;
typedef pthread_cond_t cnd_t;
typedef pthread_key_t tss_t;
typedef pthread_once_t once_flag;
typedef int (*thrd_start_t)(void *);
typedef void (*tss_dtor_t)(void *);

enum { thrd_success, thrd_nomem, thrd_timedout, thrd_busy, thrd_error };
enum { mtx_plain = 0, mtx_recursive = 1, mtx_timed = 2 };

/*
 * thrd_create: thrd_success, thrd_nomem without memory or at the task's
 * thread limit (128).  thrd_join: thrd_success, thrd_error for a thread
 * detached or joined already; *res gets its status unless res is NULL.
 * thrd_sleep: 0 after at least *duration (rounded up to the 10 ms timer),
 * -2 for a negative or malformed duration; never interrupted, so
 * *remaining is set to zero when given.  thrd_yield lets others run.
 */
int thrd_create(thrd_t *thr, thrd_start_t func, void *arg);
thrd_t thrd_current(void);
int thrd_detach(thrd_t thr);
int thrd_equal(thrd_t a, thrd_t b);
_Noreturn void thrd_exit(int res);
int thrd_join(thrd_t thr, int *res);
int thrd_sleep(const struct timespec *duration, struct timespec *remaining);
void thrd_yield(void);

/*
 * Mutexes: type is mtx_plain or mtx_timed, either | mtx_recursive
 * (thrd_error otherwise).  mtx_timedlock: thrd_timedout when TIME_UTC
 * reaches *ts.  mtx_trylock: thrd_busy when held.  mtx_unlock:
 * thrd_error if the caller does not hold it.
 */
int mtx_init(mtx_t *mtx, int type);
void mtx_destroy(mtx_t *mtx);
int mtx_lock(mtx_t *mtx);
int mtx_timedlock(mtx_t *restrict mtx, const struct timespec *restrict ts);
int mtx_trylock(mtx_t *mtx);
int mtx_unlock(mtx_t *mtx);

/* Condition variables; cnd_timedwait gives thrd_timedout when TIME_UTC reaches *ts. */
int cnd_init(cnd_t *cond);
void cnd_destroy(cnd_t *cond);
int cnd_wait(cnd_t *cond, mtx_t *mtx);
int cnd_timedwait(cnd_t *restrict cond, mtx_t *restrict mtx, const struct timespec *restrict ts);
int cnd_signal(cnd_t *cond);
int cnd_broadcast(cnd_t *cond);

/* Thread-specific storage: tss_create gives thrd_error with all keys taken. */
int tss_create(tss_t *key, tss_dtor_t dtor);
void tss_delete(tss_t key);
void *tss_get(tss_t key);
int tss_set(tss_t key, void *val);

void call_once(once_flag *flag, void (*func)(void));

#ifdef __cplusplus
}
#endif

#endif
