/*
 * <sys/types.h>: picolibc's, with pthread_t, which POSIX has it define
 * and picolibc declares only with _POSIX_THREADS (the other pthread_*
 * types stay in <pthread.h>).  See include-next/limits.h for this folder.
 */
#include_next <sys/types.h>
#include <sys/_pthread_t.h>
