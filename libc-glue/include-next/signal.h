/*
 * <signal.h>: picolibc's, with pthread_t, which POSIX has <signal.h>
 * define (for pthread_kill and pthread_sigmask, which Rainbow does not
 * have) and picolibc declares only with _POSIX_THREADS.  See
 * include-next/limits.h for this folder.
 */
#include_next <signal.h>
#include <sys/_pthread_t.h>
